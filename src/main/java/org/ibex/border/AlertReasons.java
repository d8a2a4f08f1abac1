package org.ibex.border;

import org.ibex.journal.RecordKinds;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why an overstay alert no longer stands, in words an analyst can check: the record that ended the stay, at which post,
 * when it happened, and when and from where it reached this node when it came late (captured at a post offline).
 */
final class AlertReasons {
    /** A crossing that reached this node longer than this after it was recorded was held at its post. */
    static final Duration LATE = Duration.ofHours(1);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final PersonStays stays;

    AlertReasons(PersonStays stays) {
        this.stays = stays;
    }

    /** Where a replicated crossing came from: the sending node, its journal sequence, and when it arrived. */
    record Arrival(String origin, long seq, Instant receivedAt) {
    }

    /** The withdrawal of {@code alert}, whose person's stay on {@code asOf} is {@code now}, reviewed on {@code trigger}. */
    OverstayAlertRows.Withdrawal explain(Connection connection, OverstayAlert alert, PersonStays.Computed now,
                                         LocalDate asOf, String trigger, Instant at) throws SQLException {
        Crossing last = now.last();
        if (last != null && last.direction() == Direction.EXIT) {
            Optional<Arrival> arrival = arrival(connection, last);
            String reason = "exit recorded at " + last.postId() + " on " + local(last) + arrival(last, arrival) + ": "
                    + verdict(connection, last);
            return new OverstayAlertRows.Withdrawal(at, reason, new OverstayAlert.WithdrawnBy(
                    arrival.map(Arrival::origin).orElse(null), arrival.map(Arrival::seq).orElse(null), last.id()));
        }
        StayStatus status = now.stay().status();
        String standing = status == null ? "no stay rule applies (" + now.stay().problem() + ")"
                : status.present() ? "present since " + status.currentEntry() + ", " + Days.count(status.daysUsed(),
                "day") + " used" + (status.stayEndsOn() == null ? ", no limit" : ", stay ends on " + status.stayEndsOn())
                : "not present";
        String entry = alert.entryCrossing() == null ? "" : entryNoLongerStands(connection, alert);
        return new OverstayAlertRows.Withdrawal(at, "no longer an overstayer on " + asOf + " under "
                + (now.stay().rule() == null ? "no rule" : now.stay().rule()) + ": " + standing + entry
                + " (reviewed on " + trigger + ")", last == null ? null
                : new OverstayAlert.WithdrawnBy(null, null, last.id()));
    }

    /** The entry that began the alerted stay, when a correction has since replaced it. */
    private static String entryNoLongerStands(Connection connection, OverstayAlert alert) throws SQLException {
        Optional<Crossing> entry = new CrossingRepository().find(connection, alert.entryCrossing());
        return entry.isPresent() && entry.get().supersededBy() != null
                ? "; the entry of " + alert.entryDate() + " at " + alert.entryPost() + " was corrected by crossing/"
                + entry.get().supersededBy() : "";
    }

    /** How late the record came: written up after the fact at its post, held at a post offline, or both. */
    private static String arrival(Crossing crossing, Optional<Arrival> arrival) {
        List<String> parts = new ArrayList<>();
        if (Duration.between(crossing.occurredAt(), crossing.recordedAt()).compareTo(LATE) > 0) {
            parts.add("recorded late, " + utc(crossing.recordedAt()));
        }
        arrival.ifPresent(a -> {
            if (Duration.between(crossing.recordedAt(), a.receivedAt()).compareTo(LATE) > 0) {
                parts.add("captured offline");
            }
            parts.add("received " + utc(a.receivedAt()) + " from " + a.origin());
        });
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** How the stay that exit ended stood against its limit on the day before it. */
    private String verdict(Connection connection, Crossing exit) throws SQLException {
        LocalDate left = exit.localDate();
        StayStatus before = stays.compute(connection, exit.personId(), left.minusDays(1)).status();
        if (before == null || !before.present() || before.stayEndsOn() == null) {
            return "the stay ended on " + left;
        }
        int margin = Days.between(left, before.stayEndsOn());
        if (margin > 0) {
            return "the stay ended " + Days.count(margin, "day") + " within the limit";
        }
        return margin == 0 ? "the stay ended on its last authorised day"
                : "the person left " + Days.count(-margin, "day") + " beyond the limit";
    }

    /**
     * The national record that made {@code crossing} here, if it was replicated: its applier names the crossing first
     * in the record's outcome ({@code crossing/ID …}, see {@link CrossingRecords}).
     */
    static Optional<Arrival> arrival(Connection connection, Crossing crossing) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT origin_node, origin_seq, received_at"
                + " FROM national_record WHERE post_id = ? AND kind = ? AND outcome LIKE ? " + Sql.LIKE_ESCAPE
                + " ORDER BY received_at FETCH FIRST 1 ROWS ONLY")) {
            Sql.bindAll(select, crossing.postId(), RecordKinds.CROSSING, Sql.startingWith("crossing/" + crossing.id()
                    + " "));
            return Sql.list(select, row -> new Arrival(row.getString(1), row.getLong(2), Sql.instant(row,
                    "received_at"))).stream().findFirst();
        }
    }

    private static String local(Crossing crossing) {
        return MINUTE.format(crossing.occurredAt().atZone(ZoneId.of(crossing.zoneId())));
    }

    private static String utc(Instant instant) {
        return MINUTE.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }
}

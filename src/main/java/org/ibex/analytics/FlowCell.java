package org.ibex.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The finest cell a crossing counts in: its local day at the post and every breakdown the roll-ups keep. A crossing
 * is counted on the day the post's clock showed, as the officer and the post's reports know it.
 */
public record FlowCell(LocalDate day, String postId, String direction, String nationality, String sex,
                       AgeBand ageBand, String purpose) {
    /** The purpose when the crossing names no permit. */
    public static final String NO_PURPOSE = "none";

    /** The cell of a crossing, from the facts the crossing row keeps. */
    public static FlowCell of(Instant occurredAt, String zoneId, String postId, String direction, String nationality,
                              String sex, LocalDate birth, String permitType) {
        LocalDate day = occurredAt.atZone(ZoneId.of(zoneId)).toLocalDate();
        return new FlowCell(day, postId, direction, nationality, sex, AgeBand.on(birth, day),
                permitType == null || permitType.isEmpty() ? NO_PURPOSE : permitType);
    }

    /** The first day of the cell's month: the month roll-up's key. */
    public LocalDate month() {
        return day.withDayOfMonth(1);
    }
}

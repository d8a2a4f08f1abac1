package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The lifecycle of overstay alerts: raised for a person found present beyond their authorised stay, withdrawn with
 * the reason in words once they are not (most often because an exit captured offline at a land post arrived late).
 * Stays are the ones {@link StayService} computes, from the crossings that stand, so a late record changes them
 * without anything else to keep in step. Every raise and withdrawal is in the access log and the audit chain.
 */
public final class OverstayAlerts {
    /** The name alerts are raised and withdrawn under in the access log: no person acts, the node does. */
    public static final String ACTOR = "stay-monitor";
    private final Database database;
    private final PersonStays stays;
    private final AccessLog accessLog;
    private final Clock clock;
    private final AlertReasons reasons;
    private final OverstayAlertRows rows = new OverstayAlertRows();
    private final CrossingRepository crossings = new CrossingRepository();
    private final PersonScope scope = new PersonScope();

    OverstayAlerts(Database database, PersonStays stays, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.stays = stays;
        this.accessLog = accessLog;
        this.clock = clock;
        this.reasons = new AlertReasons(stays);
    }

    /** What a sweep did. */
    public record Sweep(LocalDate asOf, int reviewed, int raised, int withdrawn) {
    }

    private enum Change { NONE, RAISED, WITHDRAWN }

    /**
     * Reviews every person who may be present on {@code asOf} and every person with an open alert, each in a
     * transaction of its own: raises an alert for an overstayer without one, withdraws the open alert of a person
     * who no longer overstays.
     */
    public Sweep sweep(LocalDate asOf) {
        List<Long> persons = database.read(connection -> {
            TreeSet<Long> all = new TreeSet<>(rows.openPersons(connection));
            // Crossings are stored in UTC; two days of margin keep late-evening entries in far-east zones.
            all.addAll(crossings.presentPersons(connection, asOf.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
            return List.copyOf(all);
        });
        int raised = 0;
        int withdrawn = 0;
        for (long personId : persons) {
            Change change = database.inTransaction(connection -> review(connection, personId, asOf,
                    "the sweep of " + asOf));
            raised += change == Change.RAISED ? 1 : 0;
            withdrawn += change == Change.WITHDRAWN ? 1 : 0;
        }
        return new Sweep(asOf, persons.size(), raised, withdrawn);
    }

    /**
     * Reviews the persons whose crossings a replicated batch from {@code origin} changed, today, in the batch's
     * transaction: the alerts change exactly when the records that change them are held.
     */
    public void reconsider(Connection connection, Collection<Long> personIds, String origin) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        TreeSet<Long> persons = new TreeSet<>(personIds);
        // A correction may move a crossing to another traveller: the one it was taken from changes too.
        persons.addAll(rows.correctedAway(connection, persons));
        // Read for all of them at once: a batch touches hundreds of persons, and one person's review writes only
        // that person's alert, so what the others read does not change meanwhile.
        Map<Long, PersonStays.Computed> computed = stays.computeAllWithCrossings(connection, persons, today);
        Map<Long, OverstayAlert> open = rows.openForAll(connection, persons);
        for (long personId : persons) {
            PersonStays.Computed stay = computed.get(personId);
            if (stay == null) {
                throw new NotFoundException("no person " + personId);
            }
            review(connection, personId, stay, Optional.ofNullable(open.get(personId)), today,
                    "records from " + origin);
        }
    }

    /** A page of alerts, newest first; a supervisor sees the alerts of persons who crossed at their post only. */
    public Page<OverstayAlert> list(AlertFilter filter, Actor actor) {
        AlertFilter oneMore = new AlertFilter(filter.state(), filter.post(), filter.before(), filter.limit() + 1);
        Page<OverstayAlert> page = Page.of(database.read(connection -> rows.list(connection, oneMore,
                scope.boundPost(actor))), filter.limit());
        accessLog.record(AccessLog.Access.by(actor, "overstay-alerts.list", filter.describe() + " count="
                + page.items().size()));
        return page;
    }

    private Change review(Connection connection, long personId, LocalDate asOf, String trigger) throws SQLException {
        PersonStays.Computed computed = stays.computeWithCrossings(connection, personId, asOf);
        return review(connection, personId, computed, rows.openFor(connection, personId), asOf, trigger);
    }

    private Change review(Connection connection, long personId, PersonStays.Computed computed,
                          Optional<OverstayAlert> open, LocalDate asOf, String trigger) throws SQLException {
        StayStatus status = computed.stay().status();
        boolean overstays = status != null && status.overstayer();
        Instant now = clock.instant();
        if (overstays && open.isEmpty()) {
            Crossing entry = computed.lastEntry();
            long id = rows.insert(connection, new OverstayAlertRows.Raise(personId, now, asOf, trigger,
                    status.overstayDays(), status.stayEndsOn(), computed.stay().rule(),
                    entry == null ? null : entry.postId(), entry == null ? null : entry.id(), status.currentEntry()));
            audit(connection, "overstay-alert.raise", "person/" + personId + " alert/" + id + " days="
                    + status.overstayDays(), trigger);
            return Change.RAISED;
        }
        if (!overstays && open.isPresent()) {
            OverstayAlertRows.Withdrawal withdrawal = reasons.explain(connection, open.get(), computed, asOf, trigger,
                    now);
            if (rows.withdraw(connection, open.get().id(), withdrawal)) {
                audit(connection, "overstay-alert.withdraw", "person/" + personId + " alert/" + open.get().id(),
                        withdrawal.reason());
                return Change.WITHDRAWN;
            }
        }
        return Change.NONE;
    }

    private void audit(Connection connection, String action, String subject, String why) throws SQLException {
        accessLog.record(connection, new AccessLog.Access(ACTOR, "system", action, subject, why, null));
    }
}

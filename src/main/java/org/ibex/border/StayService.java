package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Stay status of a person and the list of overstayers, computed from the standing crossings. */
public final class StayService {
    private final Database database;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CrossingRepository crossings = new CrossingRepository();
    private final PersonScope scope = new PersonScope();
    private final PersonStays stays;
    private final Supplier<StayPolicy> policy;
    private final OverstayAlerts alerts;

    public StayService(Database database, Supplier<StayPolicy> policy, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.stays = new PersonStays(policy);
        this.policy = policy;
        this.accessLog = accessLog;
        this.clock = clock;
        this.alerts = new OverstayAlerts(database, stays, accessLog, clock);
    }

    /** The overstay alerts raised from these stays, and withdrawn when the stays change. */
    public OverstayAlerts alerts() {
        return alerts;
    }

    /** The stay rules in force now, with the default for travellers no rule names. */
    public StayPolicy policy() {
        return policy.get();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public PersonStay stayOf(long personId, LocalDate asOf, Actor actor) {
        PersonStay stay = database.read(connection -> {
            if (!scope.visible(connection, personId, actor)) {
                // An officer sees the stay of travellers who crossed at their post; others look absent.
                throw new NotFoundException("no person " + personId);
            }
            return compute(connection, personId, asOf);
        });
        accessLog.record(AccessLog.Access.by(actor, "stay.read", "person/" + personId + " asOf=" + asOf));
        return stay;
    }

    /**
     * A page of everyone present on {@code asOf} beyond their authorised stay, longest overstay first (then by
     * person id, so pages do not overlap). A supervisor sees the overstayers who crossed at their post only.
     */
    public Page<Overstayer> overstayers(LocalDate asOf, Actor actor, int offset, int limit) {
        return overstayers(asOf, OverstayerFilter.ALL, actor, offset, limit);
    }

    /** The same list narrowed by a filter before it is paged, so pages of a filtered list are full. */
    public Page<Overstayer> overstayers(LocalDate asOf, OverstayerFilter filter, Actor actor, int offset, int limit) {
        List<Overstayer> all = allOverstayers(asOf).stream().filter(filter::matches).toList();
        List<Overstayer> found = all;
        if (actor.user().role().boundToPost()) {
            String post = actor.user().postId();
            found = database.read(connection -> {
                List<Overstayer> own = new ArrayList<>();
                for (Overstayer o : all) {
                    if (crossings.personCrossedAt(connection, o.person().id(), post)) {
                        own.add(o);
                    }
                }
                return own;
            });
        }
        int from = Math.min(offset, found.size());
        Page<Overstayer> page = Page.of(found.subList(from, (int) Math.min(found.size(), (long) from + limit + 1)), limit);
        accessLog.record(AccessLog.Access.by(actor, "overstayers.list", "asOf=" + asOf + " offset=" + offset
                + " count=" + page.items().size() + (filter.isAll() ? "" : " " + filter.describe())));
        return page;
    }

    /** Every overstayer on the node; callers log the read. */
    private List<Overstayer> allOverstayers(LocalDate asOf) {
        List<Overstayer> found = database.read(connection -> {
            List<Overstayer> out = new ArrayList<>();
            // Crossings are stored in UTC; a day of margin keeps late-evening entries in far-east zones.
            for (long personId : crossings.presentPersons(connection, asOf.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                PersonStays.Computed computed = stays.computeWithCrossings(connection, personId, asOf);
                PersonStay stay = computed.stay();
                if (stay.status() != null && stay.status().overstayer()) {
                    out.add(new Overstayer(stay.person(), stay.rule(), stay.status(),
                            computed.last() == null ? null : Overstayer.LastDocument.of(computed.last().document()),
                            computed.lastEntry() == null ? null : computed.lastEntry().postId()));
                }
            }
            return out;
        });
        found.sort(Comparator.comparingInt((Overstayer o) -> -o.status().overstayDays())
                .thenComparingLong(o -> o.person().id()));
        return found;
    }

    /** The stay as of a day, without scope or log: the callers in this package do both. */
    PersonStay compute(Connection connection, long personId, LocalDate asOf) throws SQLException {
        return stays.compute(connection, personId, asOf);
    }
}

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

    public StayService(Database database, Supplier<StayPolicy> policy, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.stays = new PersonStays(policy);
        this.accessLog = accessLog;
        this.clock = clock;
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

    /** Everyone present on {@code asOf} beyond their authorised stay, longest overstay first. */
    public List<PersonStay> overstayers(LocalDate asOf, Actor actor) {
        List<PersonStay> all = overstayers(asOf);
        List<PersonStay> found = all;
        if (actor.user().role().boundToPost()) {
            // A supervisor sees the overstayers who crossed at their post, never another post's travellers.
            String post = actor.user().postId();
            found = database.read(connection -> {
                List<PersonStay> own = new ArrayList<>();
                for (PersonStay stay : all) {
                    if (crossings.personCrossedAt(connection, stay.person().id(), post)) {
                        own.add(stay);
                    }
                }
                return own;
            });
        }
        accessLog.record(AccessLog.Access.by(actor, "overstayers.list", "asOf=" + asOf + " count=" + found.size()));
        return found;
    }

    /** The same list, for the command line where the operator of the node is the actor. */
    public List<PersonStay> overstayers(LocalDate asOf) {
        List<PersonStay> found = database.read(connection -> {
            List<PersonStay> out = new ArrayList<>();
            // Crossings are stored in UTC; a day of margin keeps late-evening entries in far-east zones.
            for (long personId : crossings.presentPersons(connection, asOf.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                PersonStay stay = compute(connection, personId, asOf);
                if (stay.status() != null && stay.status().overstayer()) {
                    out.add(stay);
                }
            }
            return out;
        });
        found.sort((a, b) -> Integer.compare(b.status().overstayDays(), a.status().overstayDays()));
        return found;
    }

    /** The stay as of a day, without scope or log: the callers in this package do both. */
    PersonStay compute(Connection connection, long personId, LocalDate asOf) throws SQLException {
        return stays.compute(connection, personId, asOf);
    }
}

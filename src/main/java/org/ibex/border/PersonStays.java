package org.ibex.border;

import org.ibex.identity.Person;
import org.ibex.identity.PersonRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A person's stay on a day, from the crossings that stand: the one computation behind both the stay a crossing's
 * reply shows and {@code GET /api/persons/{id}/stay}, so a refused entry (not a movement) reads alike in both.
 */
final class PersonStays {
    private final Supplier<StayPolicy> policy;
    private final CrossingRepository crossings = new CrossingRepository();
    private final PersonRegistry persons = new PersonRegistry();
    private final StayCalculator calculator = new StayCalculator();

    PersonStays(Supplier<StayPolicy> policy) {
        this.policy = policy;
    }

    /** A person's stay with the last standing crossing and entry up to the day asked. */
    record Computed(PersonStay stay, Crossing last, Crossing lastEntry) {
    }

    PersonStay compute(Connection connection, long personId, LocalDate asOf) throws SQLException {
        return computeWithCrossings(connection, personId, asOf).stay();
    }

    Computed computeWithCrossings(Connection connection, long personId, LocalDate asOf) throws SQLException {
        Person person = persons.find(connection, personId)
                .orElseThrow(() -> new NotFoundException("no person " + personId));
        return compute(person, crossings.movementsOf(connection, personId), asOf);
    }

    /**
     * {@link #computeWithCrossings} for many persons, with their persons and crossings read in a few queries; by
     * person id. A person not found is left out (one by one, it is a {@link NotFoundException}).
     */
    Map<Long, Computed> computeAllWithCrossings(Connection connection, Collection<Long> personIds, LocalDate asOf)
            throws SQLException {
        Map<Long, Person> found = persons.findAll(connection, personIds);
        Map<Long, List<Crossing>> movements = crossings.movementsOfAll(connection, found.keySet());
        Map<Long, Computed> computed = new HashMap<>();
        for (Person person : found.values()) {
            computed.put(person.id(), compute(person, movements.getOrDefault(person.id(), List.of()), asOf));
        }
        return computed;
    }

    private Computed compute(Person person, List<Crossing> standing, LocalDate asOf) {
        List<Movement> movements = new ArrayList<>();
        Permit permit = null;
        String nationality = person.nationality();
        Crossing last = null;
        Crossing lastEntry = null;
        for (Crossing c : standing) {
            LocalDate date = c.localDate();
            if (date.isAfter(asOf)) {
                break;
            }
            movements.add(new Movement(c.direction(), date));
            last = c;
            if (c.direction() == Direction.ENTRY) {
                permit = c.permit();
                nationality = c.document().nationality();
                lastEntry = c;
            }
        }
        StayPolicy.Resolved rule = policy.get().resolve(nationality, permit);
        if (rule.rule() == null) {
            return new Computed(new PersonStay(person, null, null, rule.problem()), last, lastEntry);
        }
        return new Computed(new PersonStay(person, rule.rule().describe(), calculator.status(movements, rule.rule(), asOf),
                null), last, lastEntry);
    }
}

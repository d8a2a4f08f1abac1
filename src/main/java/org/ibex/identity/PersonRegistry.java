package org.ibex.identity;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Links a document holder to a person record. A known document links directly; otherwise an exact match
 * on name, birth date and nationality links a new passport to the same person (renewals); otherwise a new
 * person is created. Fuzzy linking is deliberately not done here: a wrong merge is worse than a duplicate.
 */
public final class PersonRegistry {

    /** Finds or creates the person, inside the caller's transaction. */
    public long link(Connection connection, PersonFacts facts, Instant now) throws SQLException {
        Optional<Long> byDocument = byDocument(connection, facts.issuingState(), facts.documentNumber());
        if (byDocument.isPresent()) {
            Optional<Person> holder = find(connection, byDocument.get());
            if (holder.isEmpty() || agreesOnBirth(holder.get(), facts)) {
                return byDocument.get();
            }
            // The document is known under another birth date: a misread or a forgery. It stays its holder's, and
            // this bearer becomes a person of their own rather than being merged into someone else's record.
            return byIdentity(connection, facts).orElseGet(() -> insertUnchecked(connection, facts, now));
        }
        long personId = byIdentity(connection, facts).orElse(-1L);
        if (personId < 0) {
            personId = insertPerson(connection, facts, now);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person_document(issuing_state, document_number, person_id) VALUES (?,?,?)")) {
            Sql.bindAll(insert, facts.issuingState(), facts.documentNumber(), personId);
            insert.executeUpdate();
        }
        return personId;
    }

    private static boolean agreesOnBirth(Person holder, PersonFacts facts) {
        return holder.dateOfBirth() == null || facts.dateOfBirth() == null || holder.dateOfBirth().equals(facts.dateOfBirth());
    }

    private static long insertUnchecked(Connection connection, PersonFacts facts, Instant now) {
        try {
            return insertPerson(connection, facts, now);
        } catch (SQLException e) {
            throw new org.ibex.store.StoreException("cannot record person: " + e.getMessage(), e);
        }
    }

    public Optional<Person> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, surname, given_names, date_of_birth, nationality, sex FROM person WHERE id = ?")) {
            select.setLong(1, id);
            return Sql.list(select, PersonRegistry::person).stream().findFirst();
        }
    }

    /** {@link #find} for many ids at once; by id, without the ids no person has. */
    public java.util.Map<Long, Person> findAll(Connection connection, java.util.Collection<Long> ids)
            throws SQLException {
        java.util.Map<Long, Person> found = new java.util.HashMap<>();
        for (List<Long> chunk : Sql.chunks(ids, 500)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, surname, given_names,"
                    + " date_of_birth, nationality, sex FROM person WHERE id IN (" + Sql.marks(chunk.size()) + ")")) {
                Sql.bindAll(select, chunk.toArray());
                for (Person person : Sql.list(select, PersonRegistry::person)) {
                    found.put(person.id(), person);
                }
            }
        }
        return found;
    }

    private static Optional<Long> byDocument(Connection connection, String state, String number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT person_id FROM person_document WHERE issuing_state = ? AND document_number = ?")) {
            Sql.bindAll(select, state, number);
            return Sql.list(select, row -> row.getLong(1)).stream().findFirst();
        }
    }

    private static Optional<Long> byIdentity(Connection connection, PersonFacts facts) throws SQLException {
        if (facts.dateOfBirth() == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM person WHERE surname = ? AND given_names = ? AND date_of_birth = ? AND nationality = ?"
                        + " ORDER BY id")) {
            Sql.bindAll(select, facts.surname(), facts.givenNames(), facts.dateOfBirth(), facts.nationality());
            List<Long> ids = Sql.list(select, row -> row.getLong(1));
            return ids.stream().findFirst();
        }
    }

    private static long insertPerson(Connection connection, PersonFacts facts, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person(surname, given_names, date_of_birth, nationality, sex, created_at) VALUES (?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Sql.bindAll(insert, facts.surname(), facts.givenNames(), facts.dateOfBirth(), facts.nationality(),
                    facts.sex(), now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getLong("id"), row.getString("surname"), row.getString("given_names"),
                Sql.date(row, "date_of_birth"), row.getString("nationality"), row.getString("sex"));
    }
}

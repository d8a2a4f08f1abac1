package org.ibex.identity;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link PersonRegistry#link}'s rules for many holders at once, in order: what the database knows about all their
 * documents and identities is read with a few IN-queries, and what earlier holders of the same call created (a
 * person, a document) is seen by later ones, so the result is the one linking them one by one would give.
 */
public final class PersonLinks {
    private static final int CHUNK = 500;

    private record Document(String state, String number) {
    }

    private record Identity(String surname, String givenNames, LocalDate dateOfBirth, String nationality) {
        static Identity of(PersonFacts f) {
            return new Identity(f.surname(), f.givenNames(), f.dateOfBirth(), f.nationality());
        }
    }

    /** Finds or creates the person of each holder, inside the caller's transaction; ids in the order given. */
    public long[] linkAll(Connection connection, List<PersonFacts> holders, List<Instant> times) throws SQLException {
        Map<Document, Long> documents = documents(connection, holders);
        Map<Long, LocalDate> births = new HashMap<>();
        Set<Long> knownPersons = births(connection, documents.values(), births);
        Map<Identity, Long> identities = identities(connection, holders);
        long[] ids = new long[holders.size()];
        try (PreparedStatement person = connection.prepareStatement("INSERT INTO person(surname, given_names,"
                + " date_of_birth, nationality, sex, created_at) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement document = connection.prepareStatement(
                     "INSERT INTO person_document(issuing_state, document_number, person_id) VALUES (?,?,?)")) {
            int pendingDocuments = 0;
            for (int i = 0; i < holders.size(); i++) {
                PersonFacts f = holders.get(i);
                Document doc = new Document(f.issuingState(), f.documentNumber());
                Identity identity = Identity.of(f);
                Long holder = documents.get(doc);
                if (holder != null) {
                    LocalDate birth = births.get(holder);
                    if (!knownPersons.contains(holder) || birth == null || f.dateOfBirth() == null
                            || birth.equals(f.dateOfBirth())) {
                        ids[i] = holder;
                    } else {
                        // Known under another birth date: this bearer is a person of their own (never merged).
                        Long same = f.dateOfBirth() == null ? null : identities.get(identity);
                        ids[i] = same != null ? same : insert(person, f, times.get(i), identities, births, knownPersons);
                    }
                    continue;
                }
                Long same = f.dateOfBirth() == null ? null : identities.get(identity);
                long id = same != null ? same : insert(person, f, times.get(i), identities, births, knownPersons);
                Sql.bindAll(document, f.issuingState(), f.documentNumber(), id);
                document.addBatch();
                pendingDocuments++;
                documents.put(doc, id);
                ids[i] = id;
            }
            if (pendingDocuments > 0) {
                document.executeBatch();
            }
        }
        return ids;
    }

    private static long insert(PreparedStatement person, PersonFacts f, Instant now, Map<Identity, Long> identities,
                               Map<Long, LocalDate> births, Set<Long> known) throws SQLException {
        Sql.bindAll(person, f.surname(), f.givenNames(), f.dateOfBirth(), f.nationality(), f.sex(), now);
        person.executeUpdate();
        long id;
        try (ResultSet keys = person.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
        }
        if (f.dateOfBirth() != null) {
            // The lowest id wins a lookup by identity, and any person already held has a lower one.
            identities.putIfAbsent(Identity.of(f), id);
        }
        births.put(id, f.dateOfBirth());
        known.add(id);
        return id;
    }

    private static Map<Document, Long> documents(Connection connection, List<PersonFacts> holders)
            throws SQLException {
        Map<Document, Long> found = new HashMap<>();
        // A document without state or number matches no row (NULL is never equal), so it is not asked for.
        List<Document> wanted = holders.stream().map(f -> new Document(f.issuingState(), f.documentNumber()))
                .filter(d -> d.state() != null && d.number() != null).distinct().toList();
        for (List<Document> chunk : Sql.chunks(wanted, CHUNK)) {
            // A join with the wanted rows as VALUES, not a row-value IN: H2 answers the IN by reading every document
            // and comparing it with each wanted row, which grew with the table; the join looks each one up by key.
            try (PreparedStatement select = connection.prepareStatement("SELECT d.issuing_state, d.document_number,"
                    + " d.person_id FROM (VALUES " + rows(chunk.size(), "(?,?)") + ") AS w(issuing_state,"
                    + " document_number) JOIN person_document d ON d.issuing_state = w.issuing_state"
                    + " AND d.document_number = w.document_number")) {
                int i = 1;
                for (Document d : chunk) {
                    select.setString(i++, d.state());
                    select.setString(i++, d.number());
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.put(new Document(row.getString(1), row.getString(2)), row.getLong(3));
                    }
                }
            }
        }
        return found;
    }

    private static Set<Long> births(Connection connection, Iterable<Long> personIds, Map<Long, LocalDate> births)
            throws SQLException {
        Set<Long> known = new HashSet<>();
        List<Long> ids = new ArrayList<>(new HashSet<>(toList(personIds)));
        for (List<Long> chunk : Sql.chunks(ids, CHUNK)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, date_of_birth FROM person"
                    + " WHERE id IN (" + Sql.marks(chunk.size()) + ")")) {
                Sql.bindAll(select, chunk.toArray());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        known.add(row.getLong(1));
                        births.put(row.getLong(1), Sql.date(row, "date_of_birth"));
                    }
                }
            }
        }
        return known;
    }

    private static Map<Identity, Long> identities(Connection connection, List<PersonFacts> holders)
            throws SQLException {
        Map<Identity, Long> found = new HashMap<>();
        Set<Identity> wanted = new HashSet<>();
        holders.stream().filter(f -> f.dateOfBirth() != null).forEach(f -> wanted.add(Identity.of(f)));
        // Looked up by (surname, date of birth, nationality), which a NULL surname or nationality never equals.
        List<Identity> asked = wanted.stream().filter(i -> i.surname() != null && i.nationality() != null).toList();
        for (List<Identity> chunk : Sql.chunks(asked, CHUNK)) {
            // A join with VALUES rather than a row-value IN, which H2 answers by scanning (see documents). The cast:
            // PostgreSQL's driver sends a date parameter untyped, and a VALUES column of them would be text.
            try (PreparedStatement select = connection.prepareStatement("SELECT p.id, p.surname, p.given_names,"
                    + " p.date_of_birth, p.nationality FROM (VALUES " + rows(chunk.size(), "(?,CAST(? AS DATE),?)")
                    + ") AS w(surname,"
                    + " date_of_birth, nationality) JOIN person p ON p.surname = w.surname"
                    + " AND p.date_of_birth = w.date_of_birth AND p.nationality = w.nationality ORDER BY p.id")) {
                int i = 1;
                for (Identity identity : chunk) {
                    Sql.bind(select, i++, identity.surname());
                    Sql.bind(select, i++, identity.dateOfBirth());
                    Sql.bind(select, i++, identity.nationality());
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Identity identity = new Identity(row.getString(2), row.getString(3),
                                Sql.date(row, "date_of_birth"), row.getString(5));
                        if (wanted.contains(identity)) {
                            found.putIfAbsent(identity, row.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static <T> List<T> toList(Iterable<T> values) {
        List<T> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    private static String rows(int n, String row) {
        return String.join(",", Collections.nCopies(n, row));
    }
}

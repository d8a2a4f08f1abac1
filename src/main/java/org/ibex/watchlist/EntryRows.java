package org.ibex.watchlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a list's entry rows as JDBC batches: inserted, updated in place by entry id, or deleted by entry id. Long
 * reasons and sources are cut to their columns ({@link WatchlistRepository#asStored} gives the same entry).
 */
final class EntryRows {
    private static final int BATCH = 1000;
    private static final String PERSON_COLUMNS = "names, date_of_birth, nationality, sex, reason, source,"
            + " valid_from, valid_until, action, dates_of_birth, nationalities, place_of_birth, documents";
    private static final String DOCUMENT_COLUMNS = "document_number, issuing_state, document_type, status,"
            + " reported_on, source";
    private final ObjectMapper json = Json.mapper();

    /** Inserts person rows; {@code progress} (may be null) hears the count written after each batch. */
    void insertPersons(Connection connection, String listId, List<PersonEntry> persons, Consumer<Integer> progress)
            throws SQLException {
        write(connection, "INSERT INTO watchlist_person(list_id, entry_id, " + PERSON_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", persons, p -> concat(listId, p.entryId(), person(p)),
                progress);
    }

    /** Rewrites the person rows of these entries (matched by list and entry id) with their values now. */
    void updatePersons(Connection connection, String listId, List<PersonEntry> persons) throws SQLException {
        write(connection, "UPDATE watchlist_person SET " + PERSON_COLUMNS.replace(",", " = ?,") + " = ?"
                + " WHERE list_id = ? AND entry_id = ?", persons, p -> concat(person(p), listId, p.entryId()), null);
    }

    void insertDocuments(Connection connection, String listId, List<DocumentEntry> documents) throws SQLException {
        write(connection, "INSERT INTO watchlist_document(list_id, entry_id, " + DOCUMENT_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?)", documents, d -> concat(listId, d.entryId(), document(d)), null);
    }

    void updateDocuments(Connection connection, String listId, List<DocumentEntry> documents) throws SQLException {
        write(connection, "UPDATE watchlist_document SET " + DOCUMENT_COLUMNS.replace(",", " = ?,") + " = ?"
                + " WHERE list_id = ? AND entry_id = ?", documents, d -> concat(document(d), listId, d.entryId()),
                null);
    }

    /** Deletes the rows of {@code table} ({@code watchlist_person} or {@code watchlist_document}) by entry id. */
    void delete(Connection connection, String table, String listId, Collection<String> entryIds)
            throws SQLException {
        write(connection, "DELETE FROM " + table + " WHERE list_id = ? AND entry_id = ?", List.copyOf(entryIds),
                id -> new Object[]{listId, id}, null);
    }

    private Object[] person(PersonEntry p) {
        return new Object[]{Json.write(json, p.names()), p.dateOfBirth() == null ? null : p.dateOfBirth().toString(),
                p.nationality(), p.sex(), truncate(p.reason(), 1000), truncate(p.source(), 200), p.validFrom(),
                p.validUntil(), p.action().name(), PersonValues.dates(p.datesOfBirth()),
                PersonValues.codes(p.nationalities()), p.placeOfBirth(), PersonValues.documents(json, p.documents())};
    }

    private static Object[] document(DocumentEntry d) {
        return new Object[]{DocumentEntry.normaliseNumber(d.documentNumber()), d.issuingState(), d.documentType(),
                d.status().name(), d.reportedOn(), truncate(d.source(), 200)};
    }

    private static Object[] concat(String a, String b, Object[] values) {
        Object[] out = new Object[values.length + 2];
        out[0] = a;
        out[1] = b;
        System.arraycopy(values, 0, out, 2, values.length);
        return out;
    }

    private static Object[] concat(Object[] values, String a, String b) {
        Object[] out = java.util.Arrays.copyOf(values, values.length + 2);
        out[values.length] = a;
        out[values.length + 1] = b;
        return out;
    }

    @FunctionalInterface
    private interface Values<T> {
        Object[] of(T item);
    }

    private static <T> void write(Connection connection, String sql, List<T> items, Values<T> values,
                                  Consumer<Integer> progress) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            int done = 0;
            for (T item : items) {
                Sql.bindAll(statement, values.of(item));
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    done += pending;
                    pending = 0;
                    if (progress != null) {
                        progress.accept(done);
                    }
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

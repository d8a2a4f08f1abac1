package org.ibex.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Watchlists and their entries in the database. A list is replaced whole, in one transaction: all or none. */
public final class WatchlistRepository {
    private static final int BATCH = 1000;
    private final Database database;
    private final ObjectMapper json = Json.mapper();

    public WatchlistRepository(Database database) {
        this.database = database;
    }

    /** Replaces the list's entries by these; a failure leaves the previous entries untouched. */
    public void replace(WatchlistInfo info, List<PersonEntry> persons, List<DocumentEntry> documents, Instant now,
                        Consumer<Integer> progress) {
        database.inTransaction(connection -> {
            upsertList(connection, info, now);
            for (String table : List.of("watchlist_person", "watchlist_document")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE list_id = ?")) {
                    delete.setString(1, info.id());
                    delete.executeUpdate();
                }
            }
            insertPersons(connection, info.id(), persons, progress);
            insertDocuments(connection, info.id(), documents, progress);
            return null;
        });
    }

    public List<WatchlistInfo> lists() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, owner, sharing_label, threshold_pct FROM watchlist ORDER BY id")) {
                return Sql.list(select, row -> new WatchlistInfo(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getInt(5)));
            }
        });
    }

    public int countPersons(String listId) {
        return count("SELECT COUNT(*) FROM watchlist_person WHERE list_id = ?", listId);
    }

    public int countDocuments(String listId) {
        return count("SELECT COUNT(*) FROM watchlist_document WHERE list_id = ?", listId);
    }

    /** Streams every person entry, for building the screening index at start. */
    public void eachPerson(Consumer<PersonEntry> sink) {
        database.read(connection -> {
            connection.setAutoCommit(false); // lets PostgreSQL stream with a cursor instead of loading all rows
            try (PreparedStatement select = connection.prepareStatement("SELECT list_id, entry_id, names, date_of_birth,"
                    + " nationality, sex, reason, source, valid_from, valid_until, action FROM watchlist_person")) {
                select.setFetchSize(5000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sink.accept(person(row));
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    public void eachDocument(Consumer<DocumentEntry> sink) {
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT list_id, entry_id, document_number,"
                    + " issuing_state, document_type, status, reported_on, source FROM watchlist_document");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sink.accept(new DocumentEntry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), DocumentStatus.valueOf(row.getString(6)), Sql.date(row, "reported_on"),
                            row.getString(8)));
                }
            }
            return null;
        });
    }

    private void upsertList(Connection connection, WatchlistInfo info, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM watchlist WHERE id = ?")) {
            select.setString(1, info.id());
            boolean exists = !Sql.list(select, r -> 1).isEmpty();
            String sql = exists
                    ? "UPDATE watchlist SET name = ?, owner = ?, sharing_label = ?, threshold_pct = ?, updated_at = ? WHERE id = ?"
                    : "INSERT INTO watchlist(name, owner, sharing_label, threshold_pct, updated_at, id) VALUES (?,?,?,?,?,?)";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                Sql.bindAll(write, info.name(), info.owner(), info.sharingLabel(), info.matchThresholdPercent(), now, info.id());
                write.executeUpdate();
            }
        }
    }

    private void insertPersons(Connection connection, String listId, List<PersonEntry> persons, Consumer<Integer> progress)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist_person(list_id, entry_id, names,"
                + " date_of_birth, nationality, sex, reason, source, valid_from, valid_until, action)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            int done = 0;
            for (PersonEntry p : persons) {
                Sql.bindAll(insert, listId, p.entryId(), Json.write(json, p.names()),
                        p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), p.nationality(), p.sex(),
                        truncate(p.reason(), 1000), truncate(p.source(), 200), p.validFrom(), p.validUntil(),
                        p.action().name());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    done += pending;
                    pending = 0;
                    if (progress != null) {
                        progress.accept(done);
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void insertDocuments(Connection connection, String listId, List<DocumentEntry> documents,
                                        Consumer<Integer> progress) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist_document(list_id, entry_id,"
                + " document_number, issuing_state, document_type, status, reported_on, source) VALUES (?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (DocumentEntry d : documents) {
                Sql.bindAll(insert, listId, d.entryId(), DocumentEntry.normaliseNumber(d.documentNumber()),
                        d.issuingState(), d.documentType(), d.status().name(), d.reportedOn(), truncate(d.source(), 200));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private PersonEntry person(ResultSet row) throws SQLException {
        List<String> names;
        try {
            names = json.readValue(row.getString(3), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("watchlist entry " + row.getString(2) + " has unreadable names", e);
        }
        String dob = row.getString(4);
        return new PersonEntry(row.getString(1), row.getString(2), names, dob == null ? null : PartialDate.parse(dob),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), Sql.date(row, "valid_from"),
                Sql.date(row, "valid_until"), EntryAction.valueOf(row.getString(11)));
    }

    private int count(String sql, String listId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, listId);
                return Sql.list(select, r -> r.getInt(1)).get(0);
            }
        });
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

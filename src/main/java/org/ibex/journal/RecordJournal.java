package org.ibex.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's journal of records for headquarters. Callers append inside the transaction of their business change,
 * so a record exists exactly when the change committed; the sequence is taken under the head row's lock, so it has
 * no gaps and commits in order even when two desks record at once.
 */
public final class RecordJournal {
    private final ObjectMapper json = Json.mapper();

    /** Appends {@code payload} (any value Jackson writes) and returns its sequence number. */
    public long append(Connection connection, String kind, String postId, Instant capturedAt, Object payload)
            throws SQLException {
        long seq = next(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO record_journal (seq, kind, post_id,"
                + " captured_at, payload) VALUES (?,?,?,?,?)")) {
            Sql.bindAll(insert, seq, kind, postId, capturedAt);
            insert.setBytes(5, Json.write(json, payload).getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        return seq;
    }

    private long next(Connection connection) throws SQLException {
        // The UPDATE takes the head row's lock first, so concurrent appenders queue up instead of sharing a number.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE record_journal_head SET last_seq = last_seq + 1 WHERE id = 1")) {
            update.executeUpdate();
        }
        return head(connection);
    }

    /** The sequence of the newest record; 0 while the journal is empty. */
    public long head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_seq FROM record_journal_head"
                + " WHERE id = 1"); ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** Up to {@code limit} records after {@code seq}, oldest first. */
    public List<JournalRecord> after(Connection connection, long seq, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, kind, post_id, captured_at, payload"
                + " FROM record_journal WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setLong(1, seq);
            List<JournalRecord> records = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.add(new JournalRecord(row.getLong(1), row.getString(2), row.getString(3),
                            Sql.instant(row, "captured_at"), new String(row.getBytes(5), StandardCharsets.UTF_8)));
                }
            }
            return records;
        }
    }

    /** When the record {@code seq} was captured, if it exists. */
    public Optional<Instant> capturedAt(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT captured_at FROM record_journal WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Sql.instant(row, "captured_at")) : Optional.empty();
            }
        }
    }
}

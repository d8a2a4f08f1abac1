package org.ibex.sync;

import org.ibex.reference.ReferenceCopies;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reads sync state is made of, each one query over an index or a small table, cheap enough for every scrape. */
final class SyncTables {
    /** What a post last told headquarters about itself, from {@code national_post_contact}. */
    record Reported(Instant lastBatchAt, long lastSeq, long journalHead, Instant oldestWaitingAt) {
    }

    /** Batches queued for a peer and not yet receipted: how many, and when the oldest was queued. */
    record Pending(long count, Instant oldestQueuedAt) {
    }

    private SyncTables() {
    }

    static Pending pendingTo(Connection connection, String peer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), MIN(created_at) AS oldest"
                + " FROM exchange_outbox WHERE state = 'PENDING' AND recipient = ?")) {
            select.setString(1, peer);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Pending(row.getLong(1), Sql.instant(row, "oldest"));
            }
        }
    }

    /**
     * When each peer was last heard from: the later of its last answer to this node's messages (the exchange's peer
     * record) and the last message received from it. Headquarters rarely sends to a post, and a post with nothing
     * to ship sends nothing, so either alone would call a working link quiet.
     */
    static Map<String, Instant> lastContacts(Connection connection) throws SQLException {
        Map<String, Instant> contacts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT node, last_contact FROM exchange_peer WHERE last_contact IS NOT NULL");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                contacts.put(row.getString("node"), Sql.instant(row, "last_contact"));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sender, MAX(received_at) AS last_received FROM exchange_inbox GROUP BY sender");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                contacts.merge(row.getString("sender"), Sql.instant(row, "last_received"),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return contacts;
    }

    static List<ReferenceAge> references(Connection connection, Instant now, Duration maxAge) throws SQLException {
        return new ReferenceCopies().all(connection).stream().map(copy -> ReferenceAge.of(copy, now, maxAge)).toList();
    }

    static Map<String, Reported> reported(Connection connection) throws SQLException {
        Map<String, Reported> reported = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT origin_node, last_batch_at, last_seq,"
                + " journal_head, oldest_waiting_at FROM national_post_contact");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                reported.put(row.getString("origin_node"), new Reported(Sql.instant(row, "last_batch_at"),
                        row.getLong("last_seq"), row.getLong("journal_head"), Sql.instant(row, "oldest_waiting_at")));
            }
        }
        return reported;
    }

    /** Records held per origin, counted rather than taken from the last sequence, so a gap would show. */
    static Map<String, Long> held(Connection connection) throws SQLException {
        Map<String, Long> held = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT origin_node, COUNT(*) FROM national_record GROUP BY origin_node");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                held.put(row.getString(1), row.getLong(2));
            }
        }
        return held;
    }

    /** Whether this node's journal names {@code postId}, or, while it names no post yet, the node has that post. */
    static boolean records(Connection connection, String postId) throws SQLException {
        if (exists(connection, "SELECT 1 FROM record_journal WHERE post_id = ?", postId)) {
            return true;
        }
        return !exists(connection, "SELECT 1 FROM record_journal WHERE post_id IS NOT NULL", null)
                && exists(connection, "SELECT 1 FROM post WHERE id = ?", postId);
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql + " FETCH FIRST 1 ROWS ONLY")) {
            if (value != null) {
                select.setString(1, value);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}

package org.ibex.transport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the sender: which rows are due, and what an attempt changed. */
final class OutboxRows {
    private static final int MAX_ERROR = 1000;

    private OutboxRows() {
    }

    /**
     * Due rows that may go now: those without a stream, and the first undelivered row of each stream. A stream
     * whose first undelivered row was rejected stops there, because its receiver processes streams in order.
     */
    static List<OutboxRow> due(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT envelope_id, recipient, stream,"
                + " sequence, wire, attempts FROM exchange_outbox o WHERE state = 'PENDING' AND next_attempt_at <= ?"
                + " AND (stream IS NULL OR NOT EXISTS (SELECT 1 FROM exchange_outbox p WHERE p.recipient ="
                + " o.recipient AND p.stream = o.stream AND p.sequence < o.sequence AND p.state <> 'DELIVERED'))"
                + " ORDER BY created_at, sequence")) {
            select.setObject(1, Rows.timestamp(now));
            select.setMaxRows(limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new OutboxRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getBytes(5), row.getInt(6)));
                }
            }
            return rows;
        }
    }

    static void delivered(Connection connection, OutboxRow sent, byte[] receipt, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET state = 'DELIVERED',"
                + " attempts = attempts + 1, delivered_at = ?, receipt = ?, last_error = NULL WHERE envelope_id = ?")) {
            update.setObject(1, Rows.timestamp(now));
            update.setBytes(2, receipt);
            update.setString(3, sent.id());
            update.executeUpdate();
        }
        peer(connection, sent.recipient(), now, null, null);
    }

    static void rejected(Connection connection, OutboxRow sent, String error, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET state = 'REJECTED',"
                + " attempts = attempts + 1, last_error = ? WHERE envelope_id = ?")) {
            update.setString(1, Rows.cut(error, MAX_ERROR));
            update.setString(2, sent.id());
            update.executeUpdate();
        }
        peer(connection, sent.recipient(), now, error, now);
    }

    static void retryLater(Connection connection, OutboxRow sent, String error, Instant now, Instant next)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET attempts ="
                + " attempts + 1, last_error = ?, next_attempt_at = ? WHERE envelope_id = ?")) {
            update.setString(1, Rows.cut(error, MAX_ERROR));
            update.setObject(2, Rows.timestamp(next));
            update.setString(3, sent.id());
            update.executeUpdate();
        }
        peer(connection, sent.recipient(), null, error, now);
    }

    /** Records an answer ({@code contact} set) and/or a failure ({@code error} set) from a peer. */
    private static void peer(Connection connection, String node, Instant contact, String error, Instant errorAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_peer SET last_contact ="
                + " COALESCE(?, last_contact), last_error = COALESCE(?, last_error), last_error_at ="
                + " COALESCE(?, last_error_at) WHERE node = ?")) {
            update.setObject(1, Rows.timestamp(contact));
            update.setString(2, Rows.cut(error, MAX_ERROR));
            update.setObject(3, Rows.timestamp(errorAt));
            update.setString(4, node);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_peer"
                + " (node, last_contact, last_error, last_error_at) VALUES (?,?,?,?)")) {
            insert.setString(1, node);
            insert.setObject(2, Rows.timestamp(contact));
            insert.setString(3, Rows.cut(error, MAX_ERROR));
            insert.setObject(4, Rows.timestamp(errorAt));
            insert.executeUpdate();
        }
    }

    static List<PeerStatus> peers(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT o.recipient,"
                + " SUM(CASE WHEN o.state = 'PENDING' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN o.state = 'REJECTED' THEN 1 ELSE 0 END),"
                + " MAX(p.last_contact), MAX(p.last_error), MAX(p.last_error_at)"
                + " FROM exchange_outbox o LEFT JOIN exchange_peer p ON p.node = o.recipient"
                + " GROUP BY o.recipient ORDER BY o.recipient");
             ResultSet row = select.executeQuery()) {
            List<PeerStatus> peers = new ArrayList<>();
            while (row.next()) {
                peers.add(new PeerStatus(row.getString(1), row.getLong(2), row.getLong(3),
                        Rows.instant(row, 4), row.getString(5), Rows.instant(row, 6)));
            }
            return peers;
        }
    }
}

package org.ibex.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** The SQL of the sender: which rows are due, and what an attempt changed. */
final class OutboxRows {
    private static final int MAX_ERROR = 1000;
    /** A request's worth over a slow link: about 10 s at 1 Mbit/s, so a drop costs little to resend. */
    static final long MAX_BATCH_BYTES = 1024 * 1024;

    private OutboxRows() {
    }

    /**
     * What may go now, as batches of at most {@code perBatch} rows: for each stream whose head (lowest pending
     * sequence) is due, the pending rows from the head on, in order; and due rows without a stream, oldest first.
     * A stream with a rejected row before its head stops there, because its receiver processes streams in order.
     */
    static List<List<OutboxRow>> due(Connection connection, Instant now, int perBatch) throws SQLException {
        List<List<OutboxRow>> batches = new ArrayList<>();
        Map<String, Long> blockedFrom = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT recipient, stream, MIN(sequence)"
                + " FROM exchange_outbox WHERE state = 'REJECTED' AND stream IS NOT NULL GROUP BY recipient, stream");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                blockedFrom.put(row.getString(1) + "\n" + row.getString(2), row.getLong(3));
            }
        }
        List<String[]> heads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT recipient, stream, MIN(sequence)"
                + " FROM exchange_outbox WHERE state = 'PENDING' AND stream IS NOT NULL GROUP BY recipient, stream");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Long blocked = blockedFrom.get(row.getString(1) + "\n" + row.getString(2));
                if (blocked == null || blocked > row.getLong(3)) {
                    heads.add(new String[]{row.getString(1), row.getString(2), Long.toString(row.getLong(3))});
                }
            }
        }
        List<String[]> dueStreams = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT next_attempt_at FROM exchange_outbox"
                + " WHERE recipient = ? AND stream = ? AND sequence = ?")) {
            for (String[] head : heads) {
                select.setString(1, head[0]);
                select.setString(2, head[1]);
                select.setLong(3, Long.parseLong(head[2]));
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && !Rows.instant(row, 1).isAfter(now)) {
                        dueStreams.add(head);
                    }
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_ROWS + " WHERE state = 'PENDING'"
                + " AND recipient = ? AND stream = ? ORDER BY sequence")) {
            select.setMaxRows(perBatch);
            for (String[] stream : dueStreams) {
                select.setString(1, stream[0]);
                select.setString(2, stream[1]);
                batches.add(rows(select, MAX_BATCH_BYTES));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_ROWS + " WHERE state = 'PENDING'"
                + " AND stream IS NULL AND next_attempt_at <= ? ORDER BY created_at, envelope_id")) {
            select.setObject(1, Rows.timestamp(now));
            select.setMaxRows(perBatch * 10);
            Map<String, List<OutboxRow>> byRecipient = new LinkedHashMap<>();
            for (OutboxRow row : rows(select, Long.MAX_VALUE)) {
                byRecipient.computeIfAbsent(row.recipient(), r -> new ArrayList<>()).add(row);
            }
            for (List<OutboxRow> rows : byRecipient.values()) {
                List<OutboxRow> batch = new ArrayList<>();
                long bytes = 0;
                for (OutboxRow row : rows) {
                    if (!batch.isEmpty() && (batch.size() == perBatch || bytes + row.wire().length > MAX_BATCH_BYTES)) {
                        batches.add(batch);
                        batch = new ArrayList<>();
                        bytes = 0;
                    }
                    batch.add(row);
                    bytes += row.wire().length;
                }
                if (!batch.isEmpty()) {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }

    private static final String SELECT_ROWS = "SELECT envelope_id, recipient, stream, sequence, wire, attempts"
            + " FROM exchange_outbox";

    /** Rows in order until their wires would pass {@code maxBytes}; always at least one. */
    private static List<OutboxRow> rows(PreparedStatement select, long maxBytes) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        long bytes = 0;
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                byte[] wire = row.getBytes(5);
                if (!rows.isEmpty() && bytes + wire.length > maxBytes) {
                    break;
                }
                bytes += wire.length;
                rows.add(new OutboxRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        wire, row.getInt(6)));
            }
        }
        return rows;
    }

    /** Marks {@code sent} delivered under the receipt stored with {@code receiptDigest} ({@link ReceiptRows}). */
    static void delivered(Connection connection, List<OutboxRow> sent, String receiptDigest, Instant now)
            throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET state = 'DELIVERED',"
                + " attempts = attempts + 1, delivered_at = ?, receipt_digest = ?, last_error = NULL"
                + " WHERE envelope_id = ?")) {
            for (OutboxRow row : sent) {
                update.setObject(1, Rows.timestamp(now));
                update.setString(2, receiptDigest);
                update.setString(3, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static void rejected(Connection connection, OutboxRow sent, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET state = 'REJECTED',"
                + " attempts = attempts + 1, last_error = ? WHERE envelope_id = ?")) {
            update.setString(1, Rows.cut(error, MAX_ERROR));
            update.setString(2, sent.id());
            update.executeUpdate();
        }
    }

    /** Makes every pending row for {@code recipient} due at {@code now}; returns how many were waiting longer. */
    static int retryNow(Connection connection, String recipient, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET next_attempt_at = ?"
                + " WHERE state = 'PENDING' AND recipient = ? AND next_attempt_at > ?")) {
            update.setObject(1, Rows.timestamp(now));
            update.setString(2, recipient);
            update.setObject(3, Rows.timestamp(now));
            return update.executeUpdate();
        }
    }

    static void retryLater(Connection connection, OutboxRow sent, String error, Instant next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_outbox SET attempts ="
                + " attempts + 1, last_error = ?, next_attempt_at = ? WHERE envelope_id = ?")) {
            update.setString(1, Rows.cut(error, MAX_ERROR));
            update.setObject(2, Rows.timestamp(next));
            update.setString(3, sent.id());
            update.executeUpdate();
        }
    }

    /** Records an answer ({@code contact} set) and/or a failure ({@code error} set) from a peer. */
    static void peer(Connection connection, String node, Instant contact, String error, Instant errorAt)
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

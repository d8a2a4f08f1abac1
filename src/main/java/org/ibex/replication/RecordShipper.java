package org.ibex.replication;

import org.ibex.delivery.ExchangeNode;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordJournal;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a post's journal into the outbox for headquarters in batches, each batch queued in the same transaction
 * that moves the shipped mark, so a record is queued exactly once whatever dies when. While the link is down the
 * records wait in the journal rather than in small envelopes, so a week's backlog leaves as large batches.
 */
public final class RecordShipper {
    /** The stream of a post's batches: headquarters processes it in order. */
    public static final String STREAM = "records";
    public static final int MAX_RECORDS = 1000;
    /** Unpacked JSON per batch: about 150 KiB gzipped, under the chunk size, for crossings. */
    static final int MAX_BATCH_CHARS = 1 << 20;
    /** Batches queued and not yet receipted before the shipper waits: enough to keep a good link busy. */
    static final int MAX_IN_FLIGHT = 4;

    private final Database database;
    private final ExchangeNode exchange;
    private final NodeIdentity headquarters;
    private final RecordJournal journal;
    private final Clock clock;

    public RecordShipper(Database database, ExchangeNode exchange, NodeIdentity headquarters, RecordJournal journal,
                         Clock clock) {
        this.database = database;
        this.exchange = exchange;
        this.headquarters = headquarters;
        this.journal = journal;
        this.clock = clock;
    }

    public NodeIdentity headquarters() {
        return headquarters;
    }

    /** Queues batches until the journal is shipped or enough are in flight; returns how many records it queued. */
    public int shipAvailable() {
        int shipped = 0;
        while (exchange.pendingTo(headquarters) < MAX_IN_FLIGHT) {
            int batch = database.inTransaction(this::shipOne);
            if (batch == 0) {
                break;
            }
            shipped += batch;
            exchange.nudge();
        }
        return shipped;
    }

    private int shipOne(Connection connection) throws SQLException {
        long from = shippedUpTo(connection);
        List<JournalRecord> records = cut(journal.after(connection, from, MAX_RECORDS));
        if (records.isEmpty()) {
            return 0;
        }
        long head = journal.head(connection);
        long last = records.get(records.size() - 1).seq();
        Instant oldestWaiting = last < head ? journal.capturedAt(connection, last + 1).orElse(null) : null;
        RecordBatch batch = new RecordBatch(exchange.node().toString(), head, oldestWaiting, records);
        exchange.enqueue(connection, exchange.message(headquarters, RecordBatch.TYPE, "replication to headquarters",
                RecordBatch.CONTENT_TYPE, batch.encode()).inStream(STREAM, 0));
        mark(connection, last, from == 0 && !marked(connection));
        return records.size();
    }

    /** The first batch of {@code records} as the shipper cuts it: whole records up to {@link #MAX_BATCH_CHARS}. */
    public static List<JournalRecord> cut(List<JournalRecord> records) {
        List<JournalRecord> batch = new ArrayList<>();
        long chars = 0;
        for (JournalRecord record : records) {
            chars += record.payload().length() + 100;
            if (!batch.isEmpty() && chars > MAX_BATCH_CHARS) {
                break;
            }
            batch.add(record);
        }
        return batch;
    }

    /** The last journal record queued for headquarters; 0 before the first. */
    public long shippedUpTo(Connection connection) throws SQLException {
        return shippedUpTo(connection, headquarters);
    }

    /** The last journal record queued for {@code target}; 0 before the first. */
    public static long shippedUpTo(Connection connection, NodeIdentity target) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT shipped_up_to FROM record_shipment WHERE target = ?")) {
            select.setString(1, target.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private boolean marked(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM record_shipment WHERE target = ?")) {
            select.setString(1, headquarters.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void mark(Connection connection, long upTo, boolean first) throws SQLException {
        String sql = first ? "INSERT INTO record_shipment (shipped_up_to, shipped_at, target) VALUES (?,?,?)"
                : "UPDATE record_shipment SET shipped_up_to = ?, shipped_at = ? WHERE target = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bindAll(statement, upTo, clock.instant(), headquarters.toString());
            statement.executeUpdate();
        }
    }
}

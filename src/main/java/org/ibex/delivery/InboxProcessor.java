package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.trust.NodeIdentity;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands stored messages to a handler in order per (sender, stream) and marks each processed in the same
 * transaction as the handler's effects (a savepoint of its own within a transaction for a few dozen messages), so
 * its effects happen exactly once. Stream sequences start at 1 (as {@link Outbox} numbers them); a message waits
 * until its predecessor has been processed.
 */
public final class InboxProcessor {
    private static final int MAX_OUTCOME = 1000;
    private static final int BATCH = 1000;
    /**
     * Messages per transaction. A transaction holds the audit head until it commits, and the inbox waits for that
     * to store an arriving batch, so this stays small; a commit per message cost more than the handling itself.
     */
    private static final int PER_TRANSACTION = 50;
    /**
     * A transaction also ends once it has run this long: a batch of a thousand records takes most of a second to
     * apply, and fifty of them in one transaction held the audit head so long that arriving batches timed out
     * waiting for it (H2's 10 s lock timeout) and their senders backed off.
     */
    private static final long BUDGET_NANOS = 250_000_000L;
    private volatile boolean stopping;

    private final Database database;
    private final InboxHandler handler;
    private final Clock clock;
    private final SealedWires sealed;
    private final AuditLog audit;

    /** A row ready to be handled: unprocessed, and next in its stream. */
    private record Ready(String id, String sender, String stream, long sequence) {
    }

    public InboxProcessor(Database database, InboxHandler handler, AuditLog audit, Clock clock) {
        this(database, handler, audit, clock, new SealedWires());
    }

    InboxProcessor(Database database, InboxHandler handler, AuditLog audit, Clock clock, SealedWires sealed) {
        this.sealed = sealed;
        this.audit = audit;
        this.database = database;
        this.handler = handler;
        this.clock = clock;
    }

    /**
     * Processes everything that is ready; returns how many messages were handled. A handler failure rolls back
     * that message and holds its stream for this pass; other streams go on.
     */
    public int processAvailable() {
        int handled = 0;
        Set<String> held = new HashSet<>();
        while (!stopping) {
            List<Ready> ready = database.read(InboxProcessor::ready);
            int before = handled;
            int from = 0;
            while (from < ready.size() && !stopping) {
                List<Ready> rows = ready.subList(from, Math.min(ready.size(), from + PER_TRANSACTION));
                int[] taken = {0};
                try {
                    handled += database.inTransaction(connection -> processAll(connection, rows, held, taken));
                    from += Math.max(1, taken[0]);
                } catch (RuntimeException e) {
                    from += rows.size();
                    // Nothing of these rows committed; their streams wait, as after a handler failure.
                    rows.forEach(row -> held.add(key(row)));
                    System.getLogger(InboxProcessor.class.getName()).log(System.Logger.Level.WARNING,
                            "processing " + rows.size() + " messages failed to commit; their streams wait for the"
                                    + " next pass", e);
                }
            }
            if (handled == before) {
                return handled;
            }
        }
        return handled;
    }

    /**
     * Makes a running pass end after its current transaction, so a node with a large backlog stops in moments; what
     * is left waits in the inbox for the next start. Not an interrupt: one inside H2's file I/O closes the database.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Handles each row under a savepoint of its own: its effects and its processed mark commit together, and a
     * failing handler undoes its own message only. One commit for many messages is most of the saving; each message
     * is still handled exactly once.
     */
    private int processAll(Connection connection, List<Ready> rows, Set<String> held, int[] taken)
            throws SQLException {
        int handled = 0;
        long began = System.nanoTime();
        for (Ready row : rows) {
            if (taken[0] > 0 && System.nanoTime() - began > BUDGET_NANOS) {
                break;
            }
            taken[0]++;
            if (held.contains(key(row))) {
                continue;
            }
            Savepoint savepoint = connection.setSavepoint();
            try {
                handled += process(connection, row.id()) ? 1 : 0;
                connection.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                held.add(key(row));
                System.getLogger(InboxProcessor.class.getName()).log(System.Logger.Level.WARNING,
                        "handler failed on " + row.id() + "; its stream waits for the next pass", e);
            }
        }
        return handled;
    }

    private static String key(Ready row) {
        return row.sender() + " " + row.stream();
    }

    /**
     * Unprocessed rows that may go now: those without a stream, and in each stream the run that continues from
     * its last processed sequence without a gap.
     */
    private static List<Ready> ready(Connection connection) throws SQLException {
        Map<String, Long> processedUpTo = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT sender, stream, last_processed"
                + " FROM exchange_inbox_stream"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                processedUpTo.put(row.getString(1) + "\n" + row.getString(2), row.getLong(3));
            }
        }
        List<Ready> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT envelope_id, sender, stream, sequence"
                + " FROM exchange_inbox WHERE processed_at IS NULL ORDER BY sender, stream, sequence, received_at")) {
            select.setMaxRows(BATCH);
            try (ResultSet row = select.executeQuery()) {
                Map<String, Long> expected = new HashMap<>();
                while (row.next()) {
                    String stream = row.getString(3);
                    if (stream == null) {
                        rows.add(new Ready(row.getString(1), row.getString(2), null, 0));
                        continue;
                    }
                    String key = row.getString(2) + "\n" + stream;
                    long next = expected.computeIfAbsent(key, k -> processedUpTo.getOrDefault(k, 0L) + 1);
                    if (row.getLong(4) == next) {
                        rows.add(new Ready(row.getString(1), row.getString(2), stream, next));
                        expected.put(key, next + 1);
                    }
                }
            }
        }
        return rows;
    }

    private static void advance(Connection connection, String sender, String stream, long sequence)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_inbox_stream SET last_processed"
                + " = ? WHERE sender = ? AND stream = ? AND last_processed = ?")) {
            update.setLong(1, sequence);
            update.setString(2, sender);
            update.setString(3, stream);
            update.setLong(4, sequence - 1);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        if (sequence != 1) {
            throw new SQLException("stream " + stream + " from " + sender + " is not at " + (sequence - 1)
                    + "; another processor moved it");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_inbox_stream"
                + " (sender, stream, last_processed) VALUES (?,?,1)")) {
            insert.setString(1, sender);
            insert.setString(2, stream);
            insert.executeUpdate();
        }
    }

    private boolean process(Connection connection, String id) throws SQLException {
        // Locking the row and re-reading it makes two processors hand the same message over only once.
        Optional<ReceivedMessage> message = lockUnprocessed(connection, id);
        if (message.isEmpty()) {
            return false;
        }
        String outcome = handler.handle(connection, message.get());
        if (message.get().stream() != null) {
            advance(connection, message.get().sender().toString(), message.get().stream(), message.get().sequence());
        }
        // In the handler's transaction: the chain shows each message processed once, in the order it happened.
        audit.append(connection, new AuditEntry.Draft("exchange.processed", message.get().sender().toString(), id,
                Rows.describe(message.get().sender().toString(), message.get().type(), message.get().stream(),
                        message.get().sequence()) + " outcome=" + Rows.cut(outcome, 200)));
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_inbox SET processed_at = ?,"
                + " outcome = ? WHERE envelope_id = ?")) {
            update.setObject(1, Rows.timestamp(clock.instant()));
            update.setString(2, Rows.cut(outcome, MAX_OUTCOME));
            update.setString(3, id);
            update.executeUpdate();
        }
        return true;
    }

    private Optional<ReceivedMessage> lockUnprocessed(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sender, type, stream, sequence, wire"
                + " FROM exchange_inbox WHERE envelope_id = ? AND processed_at IS NULL FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] wire = row.getBytes(5);
                org.ibex.trust.Envelope header = org.ibex.trust.SignedEnvelope.headerOf(wire);
                return Optional.of(new ReceivedMessage(id, NodeIdentity.parse(row.getString(1)), row.getString(2),
                        row.getString(3), row.getLong(4), sealed.payload(id, wire), header.purpose(), header.agreement(),
                        header.correlation()));
            }
        }
    }
}

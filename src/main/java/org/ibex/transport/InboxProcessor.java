package org.ibex.transport;

import org.ibex.exchange.NodeIdentity;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands stored messages to a handler in order per (sender, stream) and marks each processed in the handler's own
 * transaction, so its effects happen exactly once. Stream sequences start at 1 (as {@link Outbox} numbers them);
 * a message waits until its predecessor has been processed.
 */
public final class InboxProcessor {
    private static final int MAX_OUTCOME = 1000;

    private final Database database;
    private final InboxHandler handler;
    private final Clock clock;

    /** A row ready to be handled: unprocessed, and next in its stream. */
    private record Ready(String id, String sender, String stream) {
    }

    public InboxProcessor(Database database, InboxHandler handler, Clock clock) {
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
        while (true) {
            List<Ready> ready = database.read(InboxProcessor::ready);
            int before = handled;
            for (Ready row : ready) {
                String key = row.sender() + " " + row.stream();
                if (held.contains(key)) {
                    continue;
                }
                try {
                    handled += database.inTransaction(connection -> process(connection, row.id())) ? 1 : 0;
                } catch (RuntimeException e) {
                    held.add(key);
                    System.getLogger(InboxProcessor.class.getName()).log(System.Logger.Level.WARNING,
                            "handler failed on " + row.id() + "; its stream waits for the next pass", e);
                }
            }
            if (handled == before) {
                return handled;
            }
        }
    }

    private static List<Ready> ready(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT envelope_id, sender, stream"
                + " FROM exchange_inbox i WHERE processed_at IS NULL AND (stream IS NULL OR sequence = 1 + COALESCE("
                + "(SELECT MAX(p.sequence) FROM exchange_inbox p WHERE p.sender = i.sender AND p.stream = i.stream"
                + " AND p.processed_at IS NOT NULL), 0)) ORDER BY received_at, envelope_id")) {
            select.setMaxRows(500);
            List<Ready> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Ready(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
            return rows;
        }
    }

    private boolean process(Connection connection, String id) throws SQLException {
        // Locking the row and re-reading it makes two processors hand the same message over only once.
        Optional<ReceivedMessage> message = lockUnprocessed(connection, id);
        if (message.isEmpty()) {
            return false;
        }
        String outcome = handler.handle(connection, message.get());
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_inbox SET processed_at = ?,"
                + " outcome = ? WHERE envelope_id = ?")) {
            update.setObject(1, Rows.timestamp(clock.instant()));
            update.setString(2, Rows.cut(outcome, MAX_OUTCOME));
            update.setString(3, id);
            update.executeUpdate();
        }
        return true;
    }

    private static Optional<ReceivedMessage> lockUnprocessed(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sender, type, stream, sequence, wire"
                + " FROM exchange_inbox WHERE envelope_id = ? AND processed_at IS NULL FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReceivedMessage(id, NodeIdentity.parse(row.getString(1)), row.getString(2),
                        row.getString(3), row.getLong(4), Rows.payload(row.getBytes(5))));
            }
        }
    }
}

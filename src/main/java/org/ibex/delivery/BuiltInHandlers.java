package org.ibex.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.audit.Checkpoint;
import org.ibex.trust.Envelope;
import org.ibex.trust.NodeIdentity;
import org.ibex.store.Json;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The message types every node understands: notes between operators, ping and pong (a request answered through
 * the same store-and-forward path, so a round trip proves both directions), and peers' audit checkpoints.
 */
final class BuiltInHandlers {
    static final String NOTE = "exchange.note";
    static final String PING = "exchange.ping";
    static final String PONG = "exchange.pong";
    static final String CHECKPOINT = "audit.checkpoint";
    static final Duration REPLY_LIFETIME = Duration.ofDays(30);

    private static final ObjectMapper JSON = Json.mapper();
    private final NodeIdentity local;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    BuiltInHandlers(NodeIdentity local, Outbox outbox, AuditLog audit, Clock clock) {
        this.local = local;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    Map<String, InboxHandler> byType() {
        Map<String, InboxHandler> handlers = new HashMap<>();
        handlers.put(NOTE, (connection, message) -> "noted (" + message.payload().length + " bytes)");
        handlers.put(PING, this::pong);
        handlers.put(PONG, (connection, message) -> "pong from " + message.sender());
        handlers.put(CHECKPOINT, this::witness);
        return handlers;
    }

    /** Answers in the transaction that marks the ping processed, so each ping gets exactly one pong. */
    private String pong(Connection connection, ReceivedMessage ping) throws SQLException {
        Envelope pong = Envelope.create(local, ping.sender(), PONG, "reply to ping", "application/octet-stream",
                ping.payload(), clock.instant(), REPLY_LIFETIME).withCorrelation(ping.id());
        outbox.enqueue(connection, pong);
        return "answered with " + pong.id();
    }

    static byte[] checkpointPayload(Checkpoint checkpoint) {
        try {
            return JSON.writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new IllegalStateException("a checkpoint always serialises", e);
        }
    }

    /**
     * Keeps a peer's signed chain head. A second checkpoint for the same position with another digest means the
     * peer's history was rewritten: that is recorded loudly, never overwritten.
     */
    private String witness(Connection connection, ReceivedMessage message) throws SQLException {
        Checkpoint checkpoint;
        try {
            checkpoint = JSON.readValue(message.payload(), Checkpoint.class);
        } catch (IOException e) {
            return "refused: not a checkpoint: " + e.getMessage();
        }
        if (checkpoint == null || checkpoint.hash() == null || !checkpoint.signatureHolds()) {
            return "refused: checkpoint signature does not hold";
        }
        String node = message.sender().toString();
        try (PreparedStatement select = connection.prepareStatement("SELECT head_digest FROM"
                + " exchange_witnessed_checkpoint WHERE node = ? AND seq = ?")) {
            select.setString(1, node);
            select.setLong(2, checkpoint.seq());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    if (row.getString(1).equals(checkpoint.hash())) {
                        return "already witnessed seq " + checkpoint.seq();
                    }
                    audit.append(connection, new AuditEntry.Draft("audit.checkpoint-conflict", node, message.id(),
                            "seq " + checkpoint.seq() + " was witnessed as " + row.getString(1) + ", now claimed as "
                                    + checkpoint.hash()));
                    return "CONFLICT at seq " + checkpoint.seq();
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_witnessed_checkpoint"
                + " (node, seq, head_digest, checkpoint, envelope_id, received_at) VALUES (?,?,?,?,?,?)")) {
            insert.setString(1, node);
            insert.setLong(2, checkpoint.seq());
            insert.setString(3, checkpoint.hash());
            insert.setString(4, new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8));
            insert.setString(5, message.id());
            insert.setObject(6, Rows.timestamp(clock.instant()));
            insert.executeUpdate();
        }
        return "witnessed seq " + checkpoint.seq();
    }
}

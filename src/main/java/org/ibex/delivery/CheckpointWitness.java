package org.ibex.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.audit.Checkpoint;
import org.ibex.store.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Keeps peers' signed audit chain heads: the audit pillar's handler, registered with the exchange like any other.
 * A second checkpoint for the same position with another digest means the peer's history was rewritten: that is
 * recorded loudly, never overwritten.
 */
public final class CheckpointWitness implements InboxHandler {
    public static final String TYPE = "audit.checkpoint";
    private static final ObjectMapper JSON = Json.mapper();
    private final AuditLog audit;
    private final Clock clock;

    public CheckpointWitness(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    static byte[] payload(Checkpoint checkpoint) {
        try {
            return JSON.writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new IllegalStateException("a checkpoint always serialises", e);
        }
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
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
            insert.setString(4, new String(message.payload(), StandardCharsets.UTF_8));
            insert.setString(5, message.id());
            insert.setObject(6, Rows.timestamp(clock.instant()));
            insert.executeUpdate();
        }
        return "witnessed seq " + checkpoint.seq();
    }
}

package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.trust.Envelope;
import org.ibex.trust.EnvelopeSigner;
import org.ibex.trust.SignedEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox: callers enqueue inside the transaction of their business change, so a message leaves
 * exactly when that change commits. Sequence numbers are given here, before signing, because they are signed.
 * An envelope larger than the chunk size is queued as its chunks (see {@link Chunks}).
 */
public final class Outbox {
    private final EnvelopeSigner signer;
    private final AuditLog audit;
    private final Clock clock;
    private final int chunkBytes;

    public Outbox(EnvelopeSigner signer, AuditLog audit, Clock clock) {
        this(signer, audit, clock, Chunks.DEFAULT_CHUNK_BYTES);
    }

    /** An outbox that sends envelopes larger than {@code chunkBytes} on the wire as resumable chunks. */
    public Outbox(EnvelopeSigner signer, AuditLog audit, Clock clock, int chunkBytes) {
        if (chunkBytes < 1024) {
            throw new IllegalArgumentException("chunkBytes must be at least 1024, got " + chunkBytes);
        }
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Signs and queues {@code envelope}. When it names a stream, its sequence is replaced by the next number of
     * that (recipient, stream), starting at 1; the caller's sequence is ignored.
     */
    public SignedEnvelope enqueue(Connection connection, Envelope envelope) throws SQLException {
        Envelope numbered = envelope.stream() == null ? envelope
                : envelope.inStream(envelope.stream(), nextSequence(connection, envelope));
        SignedEnvelope signed = signer.sign(numbered);
        byte[] wire = signed.toWire();
        Instant now = clock.instant();
        String detail = Rows.describe(numbered.recipient().toString(), numbered.type(), numbered.stream(),
                numbered.sequence());
        if (wire.length <= chunkBytes) {
            insert(connection, numbered, wire, now);
        } else {
            List<Envelope> chunks = Chunks.split(numbered, wire, chunkBytes);
            for (Envelope chunk : chunks) {
                insert(connection, chunk, signer.sign(chunk).toWire(), now);
            }
            detail += " in " + chunks.size() + " chunks";
        }
        audit.append(connection, new AuditEntry.Draft("exchange.queued", signer.node().toString(), numbered.id(),
                detail));
        return signed;
    }

    private static void insert(Connection connection, Envelope envelope, byte[] wire, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_outbox (envelope_id,"
                + " recipient, stream, sequence, wire, state, attempts, next_attempt_at, created_at)"
                + " VALUES (?,?,?,?,?,'PENDING',0,?,?)")) {
            insert.setString(1, envelope.id());
            insert.setString(2, envelope.recipient().toString());
            insert.setString(3, envelope.stream());
            insert.setLong(4, envelope.sequence());
            insert.setBytes(5, wire);
            insert.setObject(6, Rows.timestamp(now));
            insert.setObject(7, Rows.timestamp(now));
            insert.executeUpdate();
        }
    }

    private static long nextSequence(Connection connection, Envelope envelope) throws SQLException {
        String recipient = envelope.recipient().toString();
        // The UPDATE takes the row lock first, so two transactions on one stream queue up instead of both reading
        // the same last number. Two first-ever enqueues may still race on the INSERT: one then fails and retries.
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_stream"
                + " SET last_sequence = last_sequence + 1 WHERE recipient = ? AND stream = ?")) {
            update.setString(1, recipient);
            update.setString(2, envelope.stream());
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_stream"
                        + " (recipient, stream, last_sequence) VALUES (?,?,1)")) {
                    insert.setString(1, recipient);
                    insert.setString(2, envelope.stream());
                    insert.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT last_sequence FROM exchange_stream"
                + " WHERE recipient = ? AND stream = ?")) {
            select.setString(1, recipient);
            select.setString(2, envelope.stream());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}

package org.ibex.transport;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.exchange.Envelope;
import org.ibex.exchange.EnvelopeSigner;
import org.ibex.exchange.EnvelopeVerifier;
import org.ibex.exchange.Federation;
import org.ibex.exchange.NodeIdentity;
import org.ibex.exchange.Receipts;
import org.ibex.exchange.Rejection;
import org.ibex.exchange.VerifiedEnvelope;
import org.ibex.store.Database;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Receives one envelope: verify first, then check that the TLS peer is the sender, then store it once by id and
 * answer with a signed receipt. A duplicate gets the stored receipt again and is not stored twice.
 * <p>
 * The verifier given here should use a replay guard that lets ids through: this table is the durable replay
 * guard, and a retried envelope must get its receipt, not a {@code replayed} rejection.
 */
public final class Inbox {
    private final Database database;
    private final EnvelopeVerifier verifier;
    private final EnvelopeSigner signer;
    private final Federation federation;
    private final AuditLog audit;
    private final Clock clock;

    private record Stored(String sender, byte[] wire, byte[] receipt) {
    }

    public Inbox(Database database, EnvelopeVerifier verifier, EnvelopeSigner signer, Federation federation,
                 AuditLog audit, Clock clock) {
        this.database = database;
        this.verifier = verifier;
        this.signer = signer;
        this.federation = federation;
        this.audit = audit;
        this.clock = clock;
    }

    /** Handles a POSTed envelope from the TLS peer presenting {@code peerChain} (leaf first). */
    public InboxReply receive(byte[] wire, X509Certificate[] peerChain) {
        String peer = federation.identify(peerChain).map(NodeIdentity::toString).orElse("unidentified");
        VerifiedEnvelope verified;
        try {
            verified = verifier.verify(wire);
        } catch (Rejection rejection) {
            return reject(peer, null, rejection);
        }
        Envelope envelope = verified.envelope();
        if (!envelope.sender().toString().equals(peer)) {
            return reject(peer, envelope.id(), new Rejection(Rejection.Code.SENDER_MISMATCH, "envelope sender "
                    + envelope.sender() + " is not the TLS peer " + peer));
        }
        try {
            return database.inTransaction(connection -> store(connection, envelope, wire));
        } catch (RuntimeException e) {
            // Two copies arriving at once: the loser's insert fails on the key; the winner's row answers it.
            return database.read(connection -> find(connection, envelope.id()))
                    .map(stored -> duplicate(envelope, wire, stored)).orElseThrow(() -> e);
        }
    }

    private InboxReply store(Connection connection, Envelope envelope, byte[] wire) throws SQLException {
        Optional<Stored> existing = find(connection, envelope.id());
        if (existing.isPresent()) {
            return duplicate(envelope, wire, existing.get());
        }
        byte[] receipt = Receipts.receiptFor(envelope, signer, clock).toWire();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_inbox (envelope_id,"
                + " sender, type, stream, sequence, wire, receipt, received_at) VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setString(1, envelope.id());
            insert.setString(2, envelope.sender().toString());
            insert.setString(3, envelope.type());
            insert.setString(4, envelope.stream());
            insert.setLong(5, envelope.sequence());
            insert.setBytes(6, wire);
            insert.setBytes(7, receipt);
            insert.setObject(8, Rows.timestamp(clock.instant()));
            insert.executeUpdate();
        }
        audit.append(connection, new AuditEntry.Draft("exchange.received", envelope.sender().toString(),
                envelope.id(), Rows.describe(envelope.sender().toString(), envelope.type(), envelope.stream(),
                        envelope.sequence())));
        return InboxReply.receipt(receipt);
    }

    private InboxReply duplicate(Envelope envelope, byte[] wire, Stored stored) {
        if (!stored.sender().equals(envelope.sender().toString()) || !Arrays.equals(stored.wire(), wire)) {
            return reject(envelope.sender().toString(), envelope.id(), new Rejection(Rejection.Code.REPLAYED,
                    "id " + envelope.id() + " was already received with other content"));
        }
        return InboxReply.receipt(stored.receipt());
    }

    private static Optional<Stored> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sender, wire, receipt FROM exchange_inbox"
                + " WHERE envelope_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Stored(row.getString(1), row.getBytes(2), row.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    private InboxReply reject(String peer, String id, Rejection rejection) {
        database.inTransaction(connection -> audit.append(connection, new AuditEntry.Draft("exchange.rejected",
                peer, id, rejection.code().code() + ": " + rejection.getMessage())));
        return InboxReply.rejected(status(rejection.code()), rejection.code().code(), rejection.getMessage());
    }

    private static int status(Rejection.Code code) {
        return switch (code) {
            case SENDER_MISMATCH, UNTRUSTED_CHAIN, REVOKED_CERTIFICATE, EXPIRED_CERTIFICATE, BAD_SIGNATURE -> 403;
            case REPLAYED -> 409;
            default -> 400;
        };
    }
}

package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.trust.Envelope;
import org.ibex.trust.EnvelopeSigner;
import org.ibex.trust.EnvelopeVerifier;
import org.ibex.trust.Federation;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Receipts;
import org.ibex.trust.Rejection;
import org.ibex.store.Database;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives envelopes, alone or in batches: verify each first, then check that the TLS peer is its sender, then
 * store it once by id (one transaction per batch) and answer with one signed receipt. A duplicate is acknowledged
 * again with a fresh receipt, so a sender that retries after a long outage gets a receipt that is still valid, and
 * it is not stored or processed twice.
 * <p>
 * The verifier given here should use a replay guard that lets ids through: this table is the durable replay
 * guard, and a retried envelope must get its receipt, not a {@code replayed} rejection. Its {@code maxAge} should
 * match how long this table keeps ids.
 */
public final class Inbox {
    private final SealedWires sealed;
    private final Database database;
    private final EnvelopeVerifier verifier;
    private final EnvelopeSigner signer;
    private final Federation federation;
    private final AuditLog audit;
    private final Clock clock;

    private record Stored(String sender, byte[] wire) {
    }

    private record Arrival(int index, Envelope envelope, byte[] wire) {
    }

    private record Refusal(int index, String id, Rejection rejection) {
    }

    public Inbox(Database database, EnvelopeVerifier verifier, EnvelopeSigner signer, Federation federation,
                 AuditLog audit, Clock clock) {
        this(database, verifier, signer, federation, audit, clock, new SealedWires());
    }

    Inbox(Database database, EnvelopeVerifier verifier, EnvelopeSigner signer, Federation federation,
          AuditLog audit, Clock clock, SealedWires sealed) {
        this.sealed = sealed;
        this.database = database;
        this.verifier = verifier;
        this.signer = signer;
        this.federation = federation;
        this.audit = audit;
        this.clock = clock;
    }

    /** The node id of the TLS peer presenting {@code peerChain}, when it is a member in good standing. */
    public Optional<String> identify(X509Certificate[] peerChain) {
        return federation.identify(peerChain).map(NodeIdentity::toString);
    }

    /** Handles one POSTed envelope from the TLS peer presenting {@code peerChain} (leaf first). */
    public InboxReply receive(byte[] wire, X509Certificate[] peerChain) {
        BatchReply reply = receive(List.of(wire), peerChain);
        BatchReply.Item item = reply.items().get(0);
        if (item.acknowledged()) {
            return InboxReply.receipt(reply.receipt());
        }
        return InboxReply.rejected(status(Rejection.Code.valueOf(item.code().toUpperCase().replace('-', '_'))),
                item.code(), item.message());
    }

    /** Handles a batch of envelopes from one TLS peer; results come back in the order sent. */
    public BatchReply receive(List<byte[]> wires, X509Certificate[] peerChain) {
        String peer = identify(peerChain).orElse("unidentified");
        // Verified outside the transaction: signature checks need no locks, and a batch holds them for less.
        Checked checked = check(wires, peer);
        try {
            return database.inTransaction(connection -> store(connection, peer, wires.size(), checked));
        } catch (RuntimeException e) {
            // Two copies arriving at once: the loser's insert fails on the key; run again, and it finds the winner's.
            return database.inTransaction(connection -> store(connection, peer, wires.size(), checked));
        }
    }

    /**
     * Verifies and stores an envelope joined from chunks that {@code sender} sent, on the caller's connection,
     * exactly as if it had arrived whole from that peer.
     */
    BatchReply receiveJoined(Connection connection, byte[] wire, NodeIdentity sender) throws SQLException {
        return store(connection, sender.toString(), 1, check(List.of(wire), sender.toString()));
    }

    private record Checked(List<Arrival> arrivals, List<Refusal> refusals) {
    }

    private Checked check(List<byte[]> wires, String peer) {
        List<Arrival> arrivals = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < wires.size(); i++) {
            byte[] wire = wires.get(i);
            try {
                Envelope envelope = verifier.verify(wire).envelope();
                if (federation.directory().node(envelope.sender()).isEmpty()) {
                    refusals.add(new Refusal(i, envelope.id(), new Rejection(Rejection.Code.UNKNOWN_NODE,
                            "sender " + envelope.sender() + " is not listed in directory "
                                    + federation.directory().sequence())));
                } else if (envelope.sender().toString().equals(peer)) {
                    arrivals.add(new Arrival(i, envelope, wire));
                } else {
                    refusals.add(new Refusal(i, envelope.id(), new Rejection(Rejection.Code.SENDER_MISMATCH,
                            "envelope sender " + envelope.sender() + " is not the TLS peer " + peer)));
                }
            } catch (Rejection rejection) {
                refusals.add(new Refusal(i, null, rejection));
            }
        }
        return new Checked(arrivals, refusals);
    }

    private BatchReply store(Connection connection, String peer, int size, Checked checked) throws SQLException {
        List<Arrival> arrivals = checked.arrivals();
        BatchReply.Item[] items = new BatchReply.Item[size];
        List<Refusal> refused = new ArrayList<>(checked.refusals());
        List<Arrival> fresh = new ArrayList<>();
        List<Envelope> acknowledged = new ArrayList<>();
        List<AuditEntry.Draft> duplicates = new ArrayList<>();
        Map<String, Stored> existing = find(connection, arrivals);
        for (Arrival arrival : arrivals) {
            Envelope envelope = arrival.envelope();
            Stored before = existing.get(envelope.id());
            if (before == null) {
                fresh.add(arrival);
                acknowledged.add(envelope);
                // Same id twice in one batch: the second is a duplicate of the first.
                existing.put(envelope.id(), new Stored(envelope.sender().toString(), arrival.wire()));
                items[arrival.index()] = new BatchReply.Item(envelope.id(), BatchReply.Status.STORED, null, null);
            } else if (before.sender().equals(envelope.sender().toString()) && Arrays.equals(before.wire(), arrival.wire())) {
                acknowledged.add(envelope);
                items[arrival.index()] = new BatchReply.Item(envelope.id(), BatchReply.Status.DUPLICATE, null, null);
                duplicates.add(new AuditEntry.Draft("exchange.duplicate", peer, envelope.id(),
                        Rows.describe(peer, envelope.type(), envelope.stream(), envelope.sequence())));
            } else {
                refused.add(new Refusal(arrival.index(), envelope.id(), new Rejection(Rejection.Code.REPLAYED,
                        "id " + envelope.id() + " was already received with other content")));
            }
        }
        byte[] receipt = acknowledged.isEmpty() ? null
                : Receipts.receiptFor(acknowledged, signer, clock).toWire();
        String receiptDigest = fresh.isEmpty() ? null : ReceiptRows.store(connection, receipt, clock.instant());
        // Logged in the order one append per event gave: duplicates, then stored envelopes, then refusals.
        List<AuditEntry.Draft> entries = new ArrayList<>(duplicates);
        insert(connection, fresh, receiptDigest);
        for (Arrival arrival : fresh) {
            Envelope envelope = arrival.envelope();
            entries.add(new AuditEntry.Draft("exchange.received", envelope.sender().toString(), envelope.id(),
                    Rows.describe(envelope.sender().toString(), envelope.type(), envelope.stream(),
                            envelope.sequence())));
        }
        for (Refusal refusal : refused) {
            entries.add(new AuditEntry.Draft("exchange.rejected", peer, refusal.id(),
                    refusal.rejection().code().code() + ": " + refusal.rejection().getMessage()));
            items[refusal.index()] = new BatchReply.Item(refusal.id(), BatchReply.Status.REJECTED,
                    refusal.rejection().code().code(), refusal.rejection().getMessage());
        }
        audit.appendAll(connection, entries);
        return new BatchReply(Arrays.asList(items), receipt);
    }

    private void insert(Connection connection, List<Arrival> fresh, String receiptDigest) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_inbox (envelope_id,"
                + " sender, type, stream, sequence, wire, receipt_digest, received_at, wire_sha256)"
                + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (Arrival arrival : fresh) {
                Envelope envelope = arrival.envelope();
                insert.setString(1, envelope.id());
                insert.setString(2, envelope.sender().toString());
                insert.setString(3, envelope.type());
                insert.setString(4, envelope.stream());
                insert.setLong(5, envelope.sequence());
                insert.setBytes(6, sealed.store(envelope.id(), envelope.type(), arrival.wire()));
                insert.setString(7, receiptDigest);
                insert.setObject(8, Rows.timestamp(clock.instant()));
                // A sealed wire is compared with a retry by its digest: the stored bytes are not the wire.
                insert.setString(9, sealed.sealed(envelope.type())
                        ? HexFormat.of().formatHex(Rows.sha256(arrival.wire())) : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Map<String, Stored> find(Connection connection, List<Arrival> arrivals) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT sender, wire, wire_sha256 FROM"
                + " exchange_inbox WHERE envelope_id = ?")) {
            for (Arrival arrival : arrivals) {
                select.setString(1, arrival.envelope().id());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        // An erased envelope is compared by the digest kept in its place: a retry of it is a
                        // duplicate, other content under its id is still a replay.
                        byte[] wire = row.getString(3) != null && HexFormat.of().formatHex(Rows.sha256(
                                arrival.wire())).equals(row.getString(3)) ? arrival.wire() : row.getBytes(2);
                        found.put(arrival.envelope().id(), new Stored(row.getString(1), wire));
                    }
                }
            }
        }
        return found;
    }

    static Optional<String> erase(Connection connection, String envelopeId, java.time.Instant at,
                                  java.util.function.Consumer<String> forget) throws SQLException {
        // A large envelope arrived in chunks: each chunk holds part of the same content, and goes with it.
        List<String> chunks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT envelope_id FROM exchange_inbox"
                + " WHERE stream = ? AND type = ?")) {
            select.setString(1, Chunks.STREAM_PREFIX + envelopeId);
            select.setString(2, Chunks.TYPE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    chunks.add(row.getString(1));
                }
            }
        }
        for (String chunk : chunks) {
            forget.accept(chunk);
            eraseOne(connection, chunk, at);
        }
        forget.accept(envelopeId);
        return eraseOne(connection, envelopeId, at);
    }

    private static Optional<String> eraseOne(Connection connection, String envelopeId, java.time.Instant at)
            throws SQLException {
        String digest;
        try (PreparedStatement select = connection.prepareStatement("SELECT wire, wire_sha256 FROM exchange_inbox"
                + " WHERE envelope_id = ? FOR UPDATE")) {
            select.setString(1, envelopeId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                digest = row.getString(2) != null ? row.getString(2)
                        : HexFormat.of().formatHex(Rows.sha256(row.getBytes(1)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_inbox SET wire = ?,"
                + " wire_sha256 = ?, erased_at = COALESCE(erased_at, ?) WHERE envelope_id = ?")) {
            update.setBytes(1, new byte[0]);
            update.setString(2, digest);
            update.setObject(3, Rows.timestamp(at));
            update.setString(4, envelopeId);
            update.executeUpdate();
        }
        return Optional.of(digest);
    }

    static int status(Rejection.Code code) {
        return switch (code) {
            case SENDER_MISMATCH, UNKNOWN_NODE, UNTRUSTED_CHAIN, REVOKED_CERTIFICATE, EXPIRED_CERTIFICATE, BAD_SIGNATURE -> 403;
            case REPLAYED -> 409;
            default -> 400;
        };
    }
}

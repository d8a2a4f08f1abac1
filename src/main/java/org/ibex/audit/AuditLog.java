package org.ibex.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident audit log: appends hash-chained entries and signs checkpoints, always inside the caller's
 * transaction so an entry commits or rolls back with the change it records.
 */
public final class AuditLog {
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Appends one entry. Locks the head row until the caller's transaction ends, so concurrent appends queue
     * up and take consecutive numbers; keep the transactions that log short.
     */
    public AuditEntry append(Connection connection, AuditEntry.Draft draft) throws SQLException {
        return appendAll(connection, List.of(draft)).get(0);
    }

    /**
     * Appends entries in the order given, as {@link #append} one by one would, but reading and moving the head once:
     * a batch of messages logs one entry each, and the head row is the one every appender waits for.
     */
    public List<AuditEntry> appendAll(Connection connection, List<AuditEntry.Draft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Head head = lockHead(connection);
        List<AuditEntry> entries = new ArrayList<>(drafts.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry"
                + "(seq, at, kind, actor, subject, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            long seq = head.seq();
            String previous = head.hash();
            for (AuditEntry.Draft draft : drafts) {
                seq++;
                // Stored and hashed at the database's precision, so the hash recomputes from the row.
                Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                String hash = ChainDigest.entryHash(seq, at, draft.kind(), draft.actor(), draft.subject(),
                        draft.detail(), previous);
                AuditEntry entry = new AuditEntry(seq, at, draft.kind(), draft.actor(), draft.subject(),
                        draft.detail(), previous, hash);
                insert.setLong(1, seq);
                insert.setObject(2, AuditRows.timestamp(at));
                insert.setString(3, entry.kind());
                insert.setString(4, entry.actor());
                insert.setString(5, entry.subject());
                insert.setString(6, entry.detail());
                insert.setString(7, entry.prevHash());
                insert.setString(8, hash);
                insert.addBatch();
                entries.add(entry);
                previous = hash;
            }
            insert.executeBatch();
        }
        AuditEntry last = entries.get(entries.size() - 1);
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, last.seq());
            update.setString(2, last.hash());
            update.executeUpdate();
        }
        return entries;
    }

    /**
     * Signs the head of the chain. Returns the existing checkpoint when this signer already signed this head;
     * refuses an empty log, which has nothing to vouch for.
     */
    public Checkpoint checkpoint(Connection connection, Signer signer) throws SQLException {
        Head head = lockHead(connection);
        if (head.seq() == 0) {
            throw new IllegalStateException("nothing to checkpoint: the audit log is empty");
        }
        Optional<Checkpoint> existing = AuditRows.checkpoints(connection).stream()
                .filter(c -> c.seq() == head.seq() && c.signer().equals(signer.name())).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Checkpoint checkpoint = new Checkpoint(head.seq(), head.hash(), signedAt, signer.name(), signer.publicKeyBase64(),
                signer.sign(ChainDigest.checkpointMessage(head.seq(), head.hash(), signedAt, signer.name())));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint"
                + "(seq, hash, signed_at, signer, public_key, signature) VALUES (?,?,?,?,?,?)")) {
            insert.setLong(1, checkpoint.seq());
            insert.setString(2, checkpoint.hash());
            insert.setObject(3, AuditRows.timestamp(signedAt));
            insert.setString(4, checkpoint.signer());
            insert.setString(5, checkpoint.publicKey());
            insert.setString(6, checkpoint.signature());
            insert.executeUpdate();
        }
        return checkpoint;
    }

    /** The position of the newest entry; 0 while the log is empty. */
    public long headSeq(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM audit_head WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("audit_head has no row: the V7 migration did not run or was altered");
            }
            return new Head(row.getLong("seq"), row.getString("hash"));
        }
    }

    private record Head(long seq, String hash) {
    }
}

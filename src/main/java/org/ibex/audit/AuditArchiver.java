package org.ibex.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retention: moves the oldest whole segment of the chain, up to the latest checkpoint older than a date, into an
 * archive file, records it in audit_archive, then deletes its rows. This is the only delete the database allows
 * on audit_entry (its trigger lets through only seqs an audit_archive row covers).
 */
public final class AuditArchiver {
    private final Clock clock;

    public AuditArchiver(Clock clock) {
        this.clock = clock;
    }

    /**
     * Archives inside the caller's transaction; empty when no checkpoint closes a segment older than
     * {@code before}. Refuses to archive a segment whose chain is broken, so archiving cannot launder tampering.
     */
    public Optional<ArchivedSegment> archive(Connection connection, Instant before, Path folder)
            throws SQLException, IOException {
        Optional<ArchivedSegment> previous = AuditRows.lastArchived(connection);
        long fromSeq = previous.map(ArchivedSegment::lastSeq).orElse(0L);
        String fromHash = previous.map(ArchivedSegment::lastHash).orElse(ChainDigest.GENESIS);
        Optional<Checkpoint> end = closingCheckpoint(connection, fromSeq, lastSeqBefore(connection, before));
        if (end.isEmpty()) {
            return Optional.empty();
        }
        List<AuditEntry> entries = new ArrayList<>();
        AuditRows.entries(connection, fromSeq, end.get().seq(), entries::add);
        List<AuditVerifier.Break> breaks = new ArrayList<>();
        ChainWalk walk = new ChainWalk(fromSeq, fromHash, List.of(end.get()), breaks);
        entries.forEach(walk::accept);
        if (walk.lastSeq() != end.get().seq()) {
            breaks.add(new AuditVerifier.Break(AuditVerifier.Kind.TRUNCATED, walk.lastSeq() + 1,
                    "entries up to seq " + end.get().seq(), "entries end at seq " + walk.lastSeq(),
                    "the checkpoint vouches for more entries than are stored"));
        }
        if (!breaks.isEmpty() || !end.get().signatureHolds()) {
            throw new IllegalStateException("refusing to archive seq " + (fromSeq + 1) + ".." + end.get().seq()
                    + ": " + (breaks.isEmpty() ? "its checkpoint signature does not verify" : breaks.get(0).line())
                    + "; run ibex audit verify");
        }
        ArchivedSegment segment = new ArchivedSegment(fromSeq + 1, end.get().seq(), fromHash, end.get().hash(),
                ArchiveFiles.fileName(fromSeq + 1, end.get().seq()));
        ArchiveFiles.write(folder, segment, entries);
        record(connection, segment);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_entry WHERE seq <= ?")) {
            delete.setLong(1, segment.lastSeq());
            delete.executeUpdate();
        }
        return Optional.of(segment);
    }

    /** The last seq such that it and every entry before it are older than {@code before}. */
    private static long lastSeqBefore(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MIN(seq) FROM audit_entry WHERE at >= ?");
             PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM audit_entry")) {
            select.setObject(1, AuditRows.timestamp(before));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long first = row.getLong(1);
                if (!row.wasNull()) {
                    return first - 1;
                }
            }
            try (ResultSet row = max.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Optional<Checkpoint> closingCheckpoint(Connection connection, long after, long upTo)
            throws SQLException {
        return AuditRows.checkpoints(connection).stream()
                .filter(c -> c.seq() > after && c.seq() <= upTo)
                .reduce((first, second) -> second);
    }

    private void record(Connection connection, ArchivedSegment segment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_archive"
                + "(first_seq, last_seq, prev_hash, last_hash, file, archived_at) VALUES (?,?,?,?,?,?)")) {
            insert.setLong(1, segment.firstSeq());
            insert.setLong(2, segment.lastSeq());
            insert.setString(3, segment.prevHash());
            insert.setString(4, segment.lastHash());
            insert.setString(5, segment.file());
            insert.setObject(6, AuditRows.timestamp(clock.instant()));
            insert.executeUpdate();
        }
    }
}

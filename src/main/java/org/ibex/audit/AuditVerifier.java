package org.ibex.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Re-checks the audit chain with nothing but a JDBC connection (and the archive folder, when segments were
 * archived): every hash, every link, every checkpoint signature, and the chain's length against the head.
 */
public final class AuditVerifier {
    private final Set<String> trustedSigners;

    /** Accepts any checkpoint whose signature holds under the key stored with it. */
    public AuditVerifier() {
        this(Set.of());
    }

    /** Accepts checkpoints only from these signers (names as {@link Signer#name()}); empty means any. */
    public AuditVerifier(Set<String> trustedSigners) {
        this.trustedSigners = Set.copyOf(trustedSigners);
    }

    /** What is wrong, and where. */
    public enum Kind {
        ENTRY_CHANGED, PREVIOUS_LINK_BROKEN, MISSING_ENTRIES, TRUNCATED, HEAD_MISMATCH, CHECKPOINT_MISMATCH,
        BAD_SIGNATURE, UNTRUSTED_SIGNER, ARCHIVE_MISSING, ARCHIVE_MISMATCH
    }

    /** One place the chain breaks: the seq, and the digest (or seq) expected there against the one found. */
    public record Break(Kind kind, long seq, String expected, String actual, String message) {
        /** One line for an operator. */
        public String line() {
            return "seq " + seq + ": " + kind + ": " + message + " (expected " + expected + ", actual " + actual + ")";
        }
    }

    /** The outcome: intact when there are no breaks. */
    public record Verification(boolean ok, long entriesChecked, int checkpointsChecked, List<Break> breaks) {
        public Verification {
            breaks = List.copyOf(breaks);
        }
    }

    /** Verifies the chain; archiveFolder may be null, and then archived segments are taken on their record. */
    public Verification verify(Connection connection, Path archiveFolder) throws SQLException {
        List<Break> breaks = new ArrayList<>();
        List<Checkpoint> checkpoints = AuditRows.checkpoints(connection);
        ChainWalk walk = new ChainWalk(0, ChainDigest.GENESIS, checkpoints, breaks);
        for (ArchivedSegment segment : AuditRows.archived(connection)) {
            walkArchived(segment, archiveFolder, walk, breaks);
        }
        AuditRows.Head head = AuditRows.head(connection);
        AuditRows.entries(connection, walk.lastSeq(), Long.MAX_VALUE, walk::accept);
        checkHead(head, walk, breaks);
        for (Checkpoint checkpoint : checkpoints) {
            checkCheckpoint(checkpoint, walk, breaks);
        }
        return new Verification(breaks.isEmpty(), walk.checked(), checkpoints.size(), breaks);
    }

    private static void walkArchived(ArchivedSegment segment, Path folder, ChainWalk walk, List<Break> breaks)
            throws SQLException {
        Path file = folder == null ? null : folder.resolve(segment.file());
        if (folder != null && !Files.isRegularFile(file)) {
            breaks.add(new Break(Kind.ARCHIVE_MISSING, segment.firstSeq(), segment.file(), "no such file in " + folder,
                    "archived segment " + segment.firstSeq() + ".." + segment.lastSeq() + " cannot be checked"));
        } else if (folder != null) {
            try {
                ArchiveFiles.read(file, segment, walk::accept);
            } catch (IOException | UncheckedIOException e) {
                breaks.add(new Break(Kind.ARCHIVE_MISMATCH, segment.firstSeq(), segment.file(), "unreadable",
                        "archive file " + file + " cannot be read: " + e.getMessage()));
            }
            if (walk.lastSeq() != segment.lastSeq() || !walk.lastHash().equals(segment.lastHash())) {
                breaks.add(new Break(Kind.ARCHIVE_MISMATCH, segment.lastSeq(), segment.lastHash(),
                        walk.lastHash() + " at seq " + walk.lastSeq(),
                        "archive file " + segment.file() + " does not end where audit_archive says"));
            }
        } else if (segment.firstSeq() != walk.lastSeq() + 1 || !segment.prevHash().equals(walk.lastHash())) {
            breaks.add(new Break(Kind.ARCHIVE_MISMATCH, segment.firstSeq(), walk.lastHash(), segment.prevHash(),
                    "archived segment does not continue the previous one"));
        }
        // Whatever the file said, the rows after it are checked against the recorded segment end.
        walk.skipTo(segment.lastSeq(), segment.lastHash(), "archived segment end");
    }

    private static void checkHead(AuditRows.Head head, ChainWalk walk, List<Break> breaks) {
        if (head.seq() > walk.lastSeq()) {
            breaks.add(new Break(Kind.TRUNCATED, walk.lastSeq() + 1, "entries up to seq " + head.seq(),
                    "entries end at seq " + walk.lastSeq(), "audit_head says the chain is longer than the stored entries"));
        } else if (head.seq() < walk.lastSeq() || !head.hash().equals(walk.lastHash())) {
            breaks.add(new Break(Kind.HEAD_MISMATCH, head.seq(), head.hash() + " at seq " + head.seq(),
                    walk.lastHash() + " at seq " + walk.lastSeq(), "audit_head does not match the last entry"));
        }
    }

    private void checkCheckpoint(Checkpoint checkpoint, ChainWalk walk, List<Break> breaks) {
        if (!checkpoint.signatureHolds()) {
            breaks.add(new Break(Kind.BAD_SIGNATURE, checkpoint.seq(), "a signature by " + checkpoint.signer(),
                    checkpoint.signature(), "checkpoint signature does not verify"));
        } else if (!trustedSigners.isEmpty() && !trustedSigners.contains(checkpoint.signer())) {
            breaks.add(new Break(Kind.UNTRUSTED_SIGNER, checkpoint.seq(), "one of " + trustedSigners,
                    checkpoint.signer(), "checkpoint signed by an untrusted key"));
        }
        if (checkpoint.seq() > walk.lastSeq()) {
            breaks.add(new Break(Kind.TRUNCATED, walk.lastSeq() + 1, "entries up to seq " + checkpoint.seq(),
                    "entries end at seq " + walk.lastSeq(), "a checkpoint vouches for more entries than are stored"));
        } else if (!walk.comparedCheckpointAt(checkpoint.seq())) {
            breaks.add(new Break(Kind.CHECKPOINT_MISMATCH, checkpoint.seq(), checkpoint.hash(), "no entry",
                    "the entry this checkpoint vouches for is missing"));
        }
    }
}

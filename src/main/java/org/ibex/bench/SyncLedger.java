package org.ibex.bench;

import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordJournal;
import org.ibex.node.Progress;
import org.ibex.replication.RecordBatch;
import org.ibex.replication.RecordShipper;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code bench sync} counts on both sides: the post's journal and crossings before it reconnects (and the
 * batches it will ship, as payload bytes for the baseline), headquarters' progress while it catches up, and the
 * comparison of crossing uids at the end, which is how lost and duplicated records are found: by counting.
 */
public final class SyncLedger {
    private static final long POLL_MILLIS = 100;
    private static final long STALL_NANOS = 120_000_000_000L;

    /** The post before it reconnects: journal head, crossing uids, and its backlog cut as the shipper cuts it. */
    public record PostSide(long journalHead, Set<String> uids, List<byte[]> batches, long batchBytes) {
    }

    /** When headquarters first held a record of the post, and when it had them all (System.nanoTime()). */
    public record CatchUp(long firstHeld, long heldAtFirst, long caughtUp) {
    }

    /** Headquarters after catching up: counted, not assumed. */
    public record Verdict(long nationalRecords, long crossings, long lost, long duplicated, long hits) {
    }

    private SyncLedger() {
    }

    /** Reads the post's side; {@code origin} names the post in the batches, as its shipper will. */
    public static PostSide post(Database post, String origin, String postId) {
        return post.read(connection -> {
            RecordJournal journal = new RecordJournal();
            long head = journal.head(connection);
            List<byte[]> batches = new ArrayList<>();
            long bytes = 0;
            long from = 0;
            while (from < head) {
                List<JournalRecord> batch = RecordShipper.cut(journal.after(connection, from,
                        RecordShipper.MAX_RECORDS));
                from = batch.get(batch.size() - 1).seq();
                byte[] payload = new RecordBatch(origin, head, null, batch).encode();
                batches.add(payload);
                bytes += payload.length;
            }
            return new PostSide(head, uids(connection, postId), batches, bytes);
        });
    }

    /**
     * Waits until headquarters holds the post's records up to {@code head} and has applied every crossing; returns
     * when the first record and when all were first seen. Only the contact row is read while behind, so polling
     * stays cheap.
     */
    public static CatchUp awaitCaughtUp(Database hq, String origin, String postId, long head, int crossings)
            throws InterruptedException {
        Progress progress = new Progress("catch-up at headquarters", head);
        long shown = 0;
        long first = 0;
        long heldAtFirst = 0;
        long lastMove = System.nanoTime();
        while (true) {
            long held = hq.read(connection -> single(connection, "SELECT COALESCE(MAX(last_seq), 0) FROM"
                    + " national_post_contact WHERE origin_node = ?", origin));
            long now = System.nanoTime();
            if (held > 0 && first == 0) {
                first = now;
                heldAtFirst = held;
            }
            if (held > shown) {
                progress.advance(held - shown);
                shown = held;
                lastMove = now;
            } else if (now - lastMove > STALL_NANOS) {
                throw new IllegalStateException("catch-up stalled at record " + held + " of " + head);
            }
            if (held >= head && hq.read(connection -> single(connection, "SELECT COUNT(*) FROM crossing"
                    + " WHERE post_id = ?", postId)) >= crossings) {
                progress.done();
                return new CatchUp(first, heldAtFirst, now);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Counts what headquarters holds against the post's uids. */
    public static Verdict verify(Database hq, String origin, String postId, PostSide post) {
        return hq.read(connection -> {
            long records = single(connection, "SELECT COUNT(*) FROM national_record WHERE origin_node = ?", origin);
            long distinctSeq = single(connection, "SELECT COUNT(DISTINCT origin_seq) FROM national_record"
                    + " WHERE origin_node = ?", origin);
            long rows = single(connection, "SELECT COUNT(*) FROM crossing WHERE post_id = ?", postId);
            long hits = single(connection, "SELECT COUNT(*) FROM screening_hit h JOIN crossing c"
                    + " ON c.id = h.crossing_id WHERE c.post_id = ?", postId);
            Set<String> atHq = uids(connection, postId);
            long lost = post.uids().stream().filter(uid -> !atHq.contains(uid)).count()
                    + Math.max(0, post.journalHead() - distinctSeq);
            long duplicated = (rows - atHq.size()) + (records - distinctSeq);
            return new Verdict(records, rows, lost, duplicated, hits);
        });
    }

    /** Crossings and hits at the post, to set beside headquarters'. */
    public static long postHits(Database post, String postId) {
        return post.read(connection -> single(connection, "SELECT COUNT(*) FROM screening_hit h JOIN crossing c"
                + " ON c.id = h.crossing_id WHERE c.post_id = ?", postId));
    }

    private static Set<String> uids(Connection connection, String postId) throws SQLException {
        Set<String> uids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT uid FROM crossing WHERE post_id = ?")) {
            select.setString(1, postId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    uids.add(row.getString(1));
                }
            }
        }
        return uids;
    }

    private static long single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}

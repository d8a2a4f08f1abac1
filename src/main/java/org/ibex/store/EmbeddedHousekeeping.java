package org.ibex.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded H2 file compact while the node runs.
 * <p>
 * Why this exists: with WRITE_DELAY=0 every commit writes its own chunk (about 40 KB for a crossing), and H2 only
 * rewrites sparse chunks and frees dead ones in its background writer, which WRITE_DELAY=0 switches off
 * ({@code FileStore.setAutoCommitDelay}). Dead chunks are also kept for RETENTION_TIME (45 s) in case the disk has
 * not yet written what replaced them. Left alone, the file grew by the size of every chunk ever written.
 * <p>
 * What it does: every {@link #INTERVAL} it reads how much of the file is live; below {@link #MIN_LIVE_PERCENT}, and
 * once {@link #MIN_WRITES} writes have gone to the file since its last pass (so an idle or slow node is not
 * compacted, and fsynced, again and again for nothing), it forces the file to disk, then runs H2's own online compaction ({@code MVStore.compactFile}: rewrite sparse chunks,
 * free dead ones, move chunks down, truncate). Freeing after the fsync is what makes skipping the retention time
 * safe, the order H2's own chunk mover uses. Commits wait while it holds the store lock: 50 to 250 ms per pass
 * measured under load on a busy two-core machine (one H2 step cannot be cut short). Durability is untouched: every commit is still written before it returns.
 * <p>
 * It reaches the MVStore through H2's session classes (public, but not H2's JDBC API): H2 has no SQL for online
 * compaction, only {@code SHUTDOWN COMPACT}.
 */
final class EmbeddedHousekeeping implements AutoCloseable {
    /**
     * How often the file's live share is read (a few counters: cheap when nothing is due). A burst of 500 commits a
     * second writes about 18 MB a second of chunks, so the dead space a pass finds grows with this interval.
     */
    static final Duration INTERVAL = Duration.ofMillis(100);
    /** Compact when less than this share of the file is live data. */
    static final int MIN_LIVE_PERCENT = 50;
    /** Below this the file is left as it is: a new database is mostly fixed overhead. */
    static final long MIN_FILE_BYTES = 1L << 20;
    /** File writes (about one per commit) since the last pass before the next one. */
    static final long MIN_WRITES = 32;
    /** H2 stops compacting after this, at the end of a step: one step may take longer. */
    static final int MAX_COMPACT_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHousekeeping.class);
    private final DataSource pool;
    private final ScheduledExecutorService timer;
    private volatile boolean failed;
    /** The file's write count after the last pass; only the timer thread touches it. */
    private long writesAfterLastPass;

    private EmbeddedHousekeeping(DataSource pool) {
        this.pool = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ibex-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    static EmbeddedHousekeeping start(DataSource pool) {
        EmbeddedHousekeeping housekeeping = new EmbeddedHousekeeping(pool);
        housekeeping.timer.scheduleWithFixedDelay(housekeeping::tick, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** One pass: compacts if the file is mostly dead chunks; a failure is logged once and retried next pass. */
    void tick() {
        try (Connection connection = pool.getConnection()) {
            MVStore store = mvStore(connection);
            if (store == null || store.isClosed() || !worthCompacting(store, writesAfterLastPass)) {
                return;
            }
            int retention = store.getRetentionTime();
            store.sync();
            try {
                store.compactFile(MAX_COMPACT_MILLIS);
            } finally {
                // compactFile leaves the retention time at 0; commits between passes keep H2's margin.
                store.setRetentionTime(retention);
            }
            writesAfterLastPass = store.getFileStore().getWriteCount();
            failed = false;
        } catch (SQLException | RuntimeException e) {
            if (!failed) {
                LOG.warn("store housekeeping failed, retrying every {} ms: {}", INTERVAL.toMillis(), e.toString());
            }
            failed = true;
        }
    }

    private static boolean worthCompacting(MVStore store, long writesAfterLastPass) {
        if (store.getFileStore() == null || store.getFileStore().size() < MIN_FILE_BYTES
                || store.getFileStore().getWriteCount() - writesAfterLastPass < MIN_WRITES) {
            return false;
        }
        return store.getFillRate() * store.getFileStore().getChunksFillRate() < MIN_LIVE_PERCENT * 100;
    }

    /** The MVStore behind an embedded connection, or null for one that is not H2's own. */
    static MVStore mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        return session.getDatabase().getStore().getMvStore();
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("store housekeeping still running after 10 s; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

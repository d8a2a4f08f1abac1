package org.ibex.analytics;

import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the crossings' deltas into the roll-ups, and rebuilds the roll-ups from the crossings. Both take the
 * {@code flow_fold} row first, so only one runs at a time on a database; a delta is deleted by its id in the
 * transaction that adds it in, so one committed after the fold read the table waits for the next fold.
 */
public final class FlowFolder {
    /** Deltas folded per transaction: a backlog after a large import folds in bounded steps. */
    static final int STEP = 20_000;
    private static final String LOCK = "UPDATE flow_fold SET folded = folded WHERE id = 1";
    private final Database database;
    private final Clock clock;

    public FlowFolder(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Folds every delta committed so far; the number folded. */
    public long foldAll() {
        long total = 0;
        for (int n = foldStep(); n > 0; n = foldStep()) {
            total += n;
        }
        return total;
    }

    /** Folds up to {@link #STEP} deltas in one transaction; how many. */
    public int foldStep() {
        return database.inTransaction(connection -> {
            lock(connection);
            int stays = StayFolding.foldStep(connection);
            List<Long> ids = new ArrayList<>();
            Map<List<Object>, Long> days = new LinkedHashMap<>();
            Map<List<Object>, Long> months = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, local_day, post_id, direction,"
                    + " nationality, sex, age_band, purpose, crossings FROM flow_delta ORDER BY id FETCH FIRST "
                    + STEP + " ROWS ONLY");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                    LocalDate day = row.getObject(2, LocalDate.class);
                    long n = row.getInt(9);
                    days.merge(List.of(day, row.getString(3), row.getString(4)), n, Long::sum);
                    months.merge(List.of(day.withDayOfMonth(1), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8)), n, Long::sum);
                }
            }
            if (ids.isEmpty()) {
                return stays;
            }
            add(connection, "flow_day", List.of("local_day", "post_id", "direction"), "crossings", days);
            add(connection, "flow_month", List.of("local_month", "post_id", "direction", "nationality", "sex", "age_band",
                    "purpose"), "crossings", months);
            delete(connection, "flow_delta", ids);
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE flow_fold SET folded = folded + ? WHERE id = 1")) {
                done.setLong(1, ids.size());
                done.executeUpdate();
            }
            return ids.size() + stays;
        });
    }

    /**
     * Recounts the roll-ups, flows and stays, from the crossings themselves ({@link RawFlows}, {@link RawStays}),
     * dropping every delta: for a node that
     * held crossings before the roll-ups existed, and for an operator who doubts them.
     */
    public RebuildResult rebuild() {
        RawFlows raw = new RawFlows(database.isPostgres());
        return database.inTransaction(connection -> {
            lock(connection);
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM flow_delta");
                statement.executeUpdate("DELETE FROM flow_day");
                statement.executeUpdate("DELETE FROM flow_month");
                int days = statement.executeUpdate("INSERT INTO flow_day(local_day, post_id, direction, crossings) "
                        + raw.days());
                int months = statement.executeUpdate("INSERT INTO flow_month(local_month, post_id, direction, nationality,"
                        + " sex, age_band, purpose, crossings) " + raw.months());
                try (PreparedStatement done = connection.prepareStatement(
                        "UPDATE flow_fold SET rebuilt_at = ? WHERE id = 1")) {
                    done.setObject(1, clock.instant().atOffset(java.time.ZoneOffset.UTC));
                    done.executeUpdate();
                }
                long[] stays = StayFolding.rebuild(statement, database.isPostgres());
                long crossings;
                try (ResultSet sum = statement.executeQuery("SELECT COALESCE(SUM(crossings), 0) FROM flow_day")) {
                    sum.next();
                    crossings = sum.getLong(1);
                }
                return new RebuildResult(crossings, days, months, stays[0], (int) stays[1]);
            }
        });
    }

    /** Rebuilds once, the first time a node opens a store whose roll-ups were never built (crossings from before). */
    public boolean rebuildIfNeverBuilt() {
        boolean never = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT rebuilt_at FROM flow_fold WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                return row.next() && row.getObject(1) == null;
            }
        });
        if (never) {
            rebuild();
        }
        return never;
    }

    /**
     * Folds every {@code period} on a daemon thread until closed, so readers seldom have many deltas to add; a failed
     * fold (the database busy or closing) leaves its deltas for the next.
     */
    public AutoCloseable foldEvery(java.time.Duration period) {
        java.util.concurrent.ScheduledExecutorService loop = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                task -> {
                    Thread thread = new Thread(task, "flow-fold");
                    thread.setDaemon(true);
                    return thread;
                });
        loop.scheduleWithFixedDelay(() -> {
            try {
                foldAll();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FlowFolder.class).debug("flow fold deferred: {}", e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return loop::shutdownNow;
    }

    /** What a rebuild counted: crossings in force, the rows of the day and month roll-ups, stays and their rows. */
    public record RebuildResult(long crossings, int dayRows, int monthRows, long stays, int stayRows) {
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.executeUpdate();
        }
    }

    /** Adds counts (column {@code count}) to a roll-up: existing cells are updated, the others inserted; a cell a correction brought to zero is dropped. */
    static void add(Connection connection, String table, List<String> keys, String count,
                    Map<List<Object>, Long> counts) throws SQLException {
        String where = String.join(" = ? AND ", keys) + " = ?";
        List<Map.Entry<List<Object>, Long>> entries = new ArrayList<>(counts.entrySet());
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET " + count + " = " + count + " + ? WHERE " + where)) {
            for (Map.Entry<List<Object>, Long> e : entries) {
                update.setLong(1, e.getValue());
                bindKey(update, 2, e.getKey());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + "(" + String.join(", ",
                keys) + ", " + count + ") VALUES (" + Sql.marks(keys.size() + 1) + ")")) {
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] == 0) {
                    bindKey(insert, 1, entries.get(i).getKey());
                    insert.setLong(keys.size() + 1, entries.get(i).getValue());
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
        // Only a correction takes a count down, so only the cells it touched can have reached zero.
        try (PreparedStatement drop = connection.prepareStatement("DELETE FROM " + table + " WHERE " + where
                + " AND " + count + " = 0")) {
            boolean any = false;
            for (Map.Entry<List<Object>, Long> e : entries) {
                if (e.getValue() < 0) {
                    bindKey(drop, 1, e.getKey());
                    drop.addBatch();
                    any = true;
                }
            }
            if (any) {
                drop.executeBatch();
            }
        }
    }

    /** Deletes folded deltas by id, in chunks. */
    static void delete(Connection connection, String table, List<Long> ids) throws SQLException {
        for (List<Long> chunk : Sql.chunks(ids, 500)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id IN ("
                    + Sql.marks(chunk.size()) + ")")) {
                Sql.bindAll(delete, chunk.toArray());
                delete.executeUpdate();
            }
        }
    }

    private static void bindKey(PreparedStatement statement, int first, List<Object> key) throws SQLException {
        for (int i = 0; i < key.size(); i++) {
            statement.setObject(first + i, key.get(i));
        }
    }
}

package org.ibex.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The node's database: a connection pool over H2 or PostgreSQL, migrated to the current schema on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean postgres;
    /** Null on PostgreSQL, which reclaims space itself (autovacuum). */
    private final EmbeddedHousekeeping housekeeping;

    private Database(HikariDataSource pool, boolean postgres, EmbeddedHousekeeping housekeeping) {
        this.pool = pool;
        this.postgres = postgres;
        this.housekeeping = housekeeping;
    }

    /** Opens the pool and applies pending Flyway migrations; fails with a readable message if the database is unreachable. */
    public static Database open(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.isPostgres() ? 10 : 6);
        hikari.setPoolName("ibex");
        hikari.setAutoCommit(true);
        hikari.setInitializationFailTimeout(5_000);
        hikari.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + config.jdbcUrl() + ": " + rootMessage(e)
                    + encryptionHint(config), e);
        }
        try {
            Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + (config.isPostgres() ? "postgresql" : "h2"))
                    .javaMigrations(new V17__Crossing_uid_per_post())
                    .load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + config.jdbcUrl() + ": " + rootMessage(e), e);
        }
        if (config.isPostgres()) {
            return new Database(pool, true, null);
        }
        try (Connection connection = pool.getConnection()) {
            IdentityRealignment.run(connection);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot check the identity counters of " + config.jdbcUrl() + ": "
                    + rootMessage(e), e);
        }
        return new Database(pool, false, EmbeddedHousekeeping.start(pool));
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Runs read-only work on a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** The database's size on disk and its live share, for the node's metrics. */
    public StoreUsage usage() {
        return read(connection -> postgres ? postgresUsage(connection) : embeddedUsage(connection));
    }

    private static StoreUsage embeddedUsage(Connection connection) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE"
                + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
                + " ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                info.put(rows.getString(1), rows.getString(2));
            }
        }
        if (!info.containsKey("info.FILE_SIZE")) {
            return new StoreUsage(0, OptionalDouble.empty());
        }
        // FILL_RATE: blocks of the file in chunks; CHUNKS_FILL_RATE: live bytes in those chunks.
        double live = Integer.parseInt(info.get("info.FILL_RATE")) / 100.0
                * Integer.parseInt(info.get("info.CHUNKS_FILL_RATE")) / 100.0;
        return new StoreUsage(Long.parseLong(info.get("info.FILE_SIZE")), OptionalDouble.of(live));
    }

    private static StoreUsage postgresUsage(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new StoreUsage(row.getLong(1), OptionalDouble.empty());
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        pool.close();
    }

    /** H2 reports a key that does not fit as a corrupt header: say what is more likely. */
    private static String encryptionHint(StoreConfig config) {
        if (config.isPostgres()) {
            return "";
        }
        return config.isEncrypted()
                ? " (a wrong store passphrase, a DATA/keys/store.salt other than the one it was encrypted with, or a file"
                + " never encrypted: 'ibex store encrypt' encrypts an existing one)"
                : " (if the database is encrypted, give its passphrase in IBEX_STORE_PASSPHRASE or store.passphrase-file)";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}

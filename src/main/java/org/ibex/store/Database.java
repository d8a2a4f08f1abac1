package org.ibex.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The node's database: a connection pool over H2 or PostgreSQL, migrated to the current schema on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean postgres;

    private Database(HikariDataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
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
        return new Database(pool, config.isPostgres());
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

    @Override
    public void close() {
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

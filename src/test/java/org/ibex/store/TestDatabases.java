package org.ibex.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty, migrated database for one test: an H2 file in a temporary folder by default, or a new
 * schema in the PostgreSQL named by {@code IBEX_TEST_JDBC_URL} (how CI runs the same suite on both).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static boolean postgres() {
        String url = System.getenv("IBEX_TEST_JDBC_URL");
        return url != null && !url.isBlank();
    }

    /** The store configuration of a fresh database, not yet opened. */
    public static StoreConfig freshConfig(Path folder) {
        if (!postgres()) {
            return StoreConfig.embedded(folder);
        }
        String url = System.getenv("IBEX_TEST_JDBC_URL");
        String user = System.getenv().getOrDefault("IBEX_TEST_JDBC_USER", "");
        String password = System.getenv().getOrDefault("IBEX_TEST_JDBC_PASSWORD", "");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema in " + url + ": " + e.getMessage(), e);
        }
        return new StoreConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }

    public static Database fresh() {
        return Database.open(freshConfig(tempFolder()));
    }

    public static Path tempFolder() {
        try {
            return Files.createTempDirectory("ibex-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

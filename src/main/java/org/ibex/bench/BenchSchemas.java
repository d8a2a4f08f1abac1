package org.ibex.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;

/**
 * Throw-away PostgreSQL schemas for a benchmark whose nodes each need a database of their own: made on one server,
 * handed to each node as its IBEX_JDBC_ settings, dropped with everything in them when the run ends.
 */
public final class BenchSchemas implements AutoCloseable {
    private final BenchDatabase server;
    private final List<String> made = new ArrayList<>();

    public BenchSchemas(BenchDatabase server) {
        if (!server.url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL URL (jdbc:postgresql://host:port/db),"
                    + " was " + server.url);
        }
        this.server = server;
    }

    /** A fresh schema named after {@code node}, as the environment a node reads its database settings from. */
    public Map<String, String> fresh(String node) throws SQLException {
        String schema = "bench_" + node + "_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        made.add(schema);
        return server.environment(server.url + (server.url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String schema : made) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        made.clear();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url, server.user, server.password);
    }

    @Override
    public String toString() {
        return "BenchSchemas" + made;
    }
}

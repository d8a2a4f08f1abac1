package org.ibex.bench;

import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** Where a benchmark keeps its data: fresh H2 files of its own by default, or a PostgreSQL server named here. */
public final class BenchDatabase {
    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL server to run on (default: fresh H2 files of the benchmark's own)")
    public String url;
    @Option(names = "--jdbc-user", defaultValue = "")
    public String user;
    @Option(names = "--jdbc-password", defaultValue = "")
    public String password;

    public boolean postgres() {
        return url != null;
    }

    /** The settings a node reads to use {@code jdbcUrl} on this server with these credentials. */
    public Map<String, String> environment(String jdbcUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("IBEX_JDBC_URL", jdbcUrl);
        environment.put("IBEX_JDBC_USER", user);
        environment.put("IBEX_JDBC_PASSWORD", password);
        return environment;
    }

    /** The node settings for the server as given, or none (H2) when no server was named. */
    public Map<String, String> environment() {
        return postgres() ? environment(url) : new HashMap<>();
    }
}

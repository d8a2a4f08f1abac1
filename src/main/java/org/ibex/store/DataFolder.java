package org.ibex.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The node's data folder: holds {@code ibex.properties}, the H2 database and keys. The JDBC URL comes
 * from the environment ({@code IBEX_JDBC_URL}) first, then the properties file, then the embedded default.
 */
public final class DataFolder {
    public static final String PROPERTIES = "ibex.properties";
    private final Path root;
    private final Properties properties;
    private final Map<String, String> environment;

    private DataFolder(Path root, Properties properties, Map<String, String> environment) {
        this.root = root;
        this.properties = properties;
        this.environment = environment;
    }

    /** Opens (creating if needed) the data folder and reads its configuration file when present. */
    public static DataFolder open(Path root, Map<String, String> environment) {
        try {
            Files.createDirectories(root);
            Properties properties = new Properties();
            Path file = root.resolve(PROPERTIES);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            return new DataFolder(root.toAbsolutePath(), properties, environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** A setting by property name, overridden by its environment variable (jdbc.url → IBEX_JDBC_URL). */
    public String setting(String name, String fallback) {
        // A shell cannot name a variable with a hyphen, so exchange.max-age-days is IBEX_EXCHANGE_MAX_AGE_DAYS.
        String env = environment.get("IBEX_" + name.toUpperCase().replace('.', '_').replace('-', '_'));
        if (env != null && !env.isBlank()) {
            return env;
        }
        return properties.getProperty(name, fallback);
    }

    public StoreConfig storeConfig() {
        String url = setting("jdbc.url", null);
        if (url == null || url.isBlank()) {
            return StoreConfig.embedded(root);
        }
        return new StoreConfig(url, setting("jdbc.user", ""), setting("jdbc.password", ""));
    }
}

package org.ibex.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the node's database lives: a JDBC URL with its credentials, checked once at start-up. */
public record StoreConfig(String jdbcUrl, String user, String password) {

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:h2: or jdbc:postgresql: (got "
                    + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + ")");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The embedded default: an H2 file database in the data folder. WRITE_DELAY=0 makes H2 hand every
     * commit to the operating system before returning, so a killed process loses nothing it committed.
     */
    public static StoreConfig embedded(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().resolve("ibex");
        return new StoreConfig("jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000", "ibex", "");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}

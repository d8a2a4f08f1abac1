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
     * OPTIMIZE_REUSE_RESULTS=FALSE: H2 2.2 may keep answering a repeated query from a result cached while another
     * connection's commit was under way, until some later write (h2database issues 3894, 4208); a processor
     * polling for new rows then never sees the last ones, and a locking read may see a row's old state.
     * DB_CLOSE_ON_EXIT=FALSE: the node closes the database itself on SIGTERM, after its server, sender and inbox
     * processor stopped; H2's own shutdown hook ran beside ours and closed it under a pass still committing.
     * A process that exits without closing loses nothing committed (WRITE_DELAY=0), as after a kill.
     */
    public static StoreConfig embedded(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().resolve("ibex");
        return new StoreConfig("jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                + ";OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE", "ibex", "");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}

package org.ibex.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the node's database lives: a JDBC URL with its credentials, checked once at start-up. */
public record StoreConfig(String jdbcUrl, String user, String password) {
    /** The embedded database's name in the data folder: its file is {@code ibex.mv.db}. */
    public static final String EMBEDDED_NAME = "ibex";

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
     * WRITE_DELAY=0 also switches off H2's background compaction: {@link Database} runs its own.
     */
    public static StoreConfig embedded(Path dataFolder) {
        return new StoreConfig(embeddedUrl(dataFolder), "ibex", "");
    }

    /**
     * The embedded database encrypted with AES under {@code fileKey} ({@link StoreKey}). H2 takes the file key and
     * the user's password in one string, separated by a space; the user's password is empty.
     */
    public static StoreConfig embeddedEncrypted(Path dataFolder, String fileKey) {
        return new StoreConfig(embeddedUrl(dataFolder) + ";CIPHER=AES", "ibex", fileKey + " ");
    }

    private static String embeddedUrl(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().resolve(EMBEDDED_NAME);
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                + ";OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE";
    }

    public boolean isEncrypted() {
        return jdbcUrl.contains(";CIPHER=");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}

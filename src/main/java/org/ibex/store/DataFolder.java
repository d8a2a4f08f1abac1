package org.ibex.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's data folder: holds {@code ibex.properties}, the H2 database and keys. The JDBC URL comes
 * from the environment ({@code IBEX_JDBC_URL}) first, then the properties file, then the embedded default.
 */
public final class DataFolder {
    public static final String PROPERTIES = "ibex.properties";
    /** Where the screening index keeps the lists keyed between starts (they hold listed names: private too). */
    public static final String KEYED_LISTS = "keyed-lists";
    /** The folders the node writes into its data folder: keys, federation membership, archived audit segments. */
    private static final Set<String> NODE_FOLDERS = Set.of("keys", "exchange", "audit-archive", KEYED_LISTS);
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
            PrivateFiles.folder(root);
            Properties properties = new Properties();
            Path file = root.resolve(PROPERTIES);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            DataFolder folder = new DataFolder(root.toAbsolutePath(), properties, environment);
            // A folder made by an earlier version, or copied in, is narrowed too: 644 files in it hold MRZs and keys.
            folder.restrict();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The environment variable that overrides a setting: {@code exchange.max-age-days} is {@code IBEX_EXCHANGE_MAX_AGE_DAYS}. */
    public static String variable(String name) {
        return "IBEX_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A setting by property name, overridden by its environment variable (jdbc.url → IBEX_JDBC_URL). */
    public String setting(String name, String fallback) {
        // A shell cannot name a variable with a hyphen, so exchange.max-age-days is IBEX_EXCHANGE_MAX_AGE_DAYS.
        String env = environment.get(variable(name));
        if (env != null && !env.isBlank()) {
            return env;
        }
        return properties.getProperty(name, fallback);
    }

    /**
     * A whole-number setting within {@code min..max} {@code unit} (say "hours"); anything else stops the node with the
     * setting's name, the range and where it is set, instead of failing later where the value is used.
     */
    public long wholeNumber(String name, long fallback, long min, long max, String unit) {
        String value = setting(name, Long.toString(fallback));
        try {
            long amount = Long.parseLong(value.strip());
            if (amount >= min && amount <= max) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range, like a value out of it.
        }
        throw new IllegalArgumentException(name + " must be a whole number of " + unit + " " + min + ".." + max
                + " (got '" + value + "'; set in ibex.properties or " + variable(name) + ")");
    }

    /**
     * A yes/no setting ({@code true}/{@code false}, {@code yes}/{@code no}, {@code on}/{@code off}); anything else
     * stops the node with the setting's name and where it is set.
     */
    public boolean flag(String name, boolean fallback) {
        String value = setting(name, Boolean.toString(fallback)).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (got '" + value
                    + "'; set in ibex.properties or " + variable(name) + ")");
        };
    }

    /**
     * The passphrase that encrypts the embedded database: {@code IBEX_STORE_PASSPHRASE}, {@code store.passphrase}, or
     * the first line of the file named by {@code store.passphrase-file}; null when the database is not encrypted.
     */
    public String storePassphrase() {
        String file = setting("store.passphrase-file", null);
        if (file != null && !file.isBlank()) {
            try {
                return Files.readAllLines(Path.of(file)).stream().findFirst().map(String::strip).orElse("");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read store.passphrase-file " + file + ": " + e.getMessage(), e);
            }
        }
        String passphrase = setting("store.passphrase", null);
        return passphrase == null || passphrase.isBlank() ? null : passphrase;
    }

    /**
     * Narrows the node's own files again once the database made its (H2 creates them under the process's umask).
     * Only what the node writes is touched: a folder given by mistake (a checkout, a home) keeps its other files' modes.
     */
    public void restrict() {
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(DataFolder::isNodeFile).forEach(PrivateFiles::restrictTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list data folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean isNodeFile(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith(StoreConfig.EMBEDDED_NAME + ".") || NODE_FOLDERS.contains(name);
    }

    public StoreConfig storeConfig() {
        String url = setting("jdbc.url", null);
        if (url == null || url.isBlank()) {
            String passphrase = storePassphrase();
            return passphrase == null ? StoreConfig.embedded(root)
                    : StoreConfig.embeddedEncrypted(root, StoreKey.derive(root, passphrase));
        }
        return new StoreConfig(url, setting("jdbc.user", ""), setting("jdbc.password", ""));
    }
}

package org.ibex.cli;

import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A fresh data folder for a test that runs ibex commands: the H2 database inside it, or, when the suite
 * runs on PostgreSQL, a fresh schema named in the folder's {@code ibex.properties} as an operator would.
 */
record TestDataFolder(Path path, StoreConfig store) {

    static TestDataFolder create() {
        Path folder = TestDatabases.tempFolder();
        StoreConfig store = TestDatabases.freshConfig(folder);
        if (TestDatabases.postgres()) {
            writeSettings(folder, store);
        }
        return new TestDataFolder(folder, store);
    }

    /** The folder as the {@code --data} argument. */
    String arg() {
        return path.toString();
    }

    /** The database the commands use, opened directly to check what they stored. */
    Database openDatabase() {
        return Database.open(store);
    }

    private static void writeSettings(Path folder, StoreConfig store) {
        Properties properties = new Properties();
        properties.setProperty("jdbc.url", store.jdbcUrl());
        properties.setProperty("jdbc.user", store.user());
        properties.setProperty("jdbc.password", store.password());
        try (OutputStream out = Files.newOutputStream(folder.resolve("ibex.properties"))) {
            properties.store(out, "test data folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

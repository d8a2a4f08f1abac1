package org.ibex.node;

import org.ibex.audit.AuditLog;
import org.ibex.delivery.ExchangeNode;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;

import java.nio.file.Path;
import java.time.Clock;

/** A data folder's database and federation exchange opened together, for commands that send or inspect. */
public record OpenedExchange(Database database, ExchangeNode exchange) implements AutoCloseable {
    /** Opens the node in {@code data} reading its settings from {@code environment} instead of this process's. */
    public static OpenedExchange of(Path data, java.util.Map<String, String> environment) {
        DataFolder folder = DataFolder.open(data, environment);
        Database database = Database.open(folder.storeConfig());
        try {
            ExchangeNode exchange = Node.exchange(folder, NodeSettings.read(folder), database, new AuditLog(Clock.systemUTC()),
                    Clock.systemUTC()).orElseThrow(() -> new IllegalArgumentException(folder.root()
                    + " has not joined a federation; run 'ibex exchange join' first"));
            return new OpenedExchange(database, exchange);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        exchange.close();
        database.close();
    }
}

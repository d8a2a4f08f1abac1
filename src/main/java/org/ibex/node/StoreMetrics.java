package org.ibex.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.ibex.store.Database;
import org.ibex.store.StoreException;
import org.ibex.store.StoreUsage;

import java.util.OptionalDouble;

/**
 * The database's size on disk and its live share as Prometheus gauges, so an operator sees a store that grows
 * faster than its data. One reading serves both gauges for a second, so scrapes cannot load the database.
 */
public final class StoreMetrics {
    private static final long REUSE_NANOS = 1_000_000_000L;
    private final Database database;
    private volatile StoreUsage usage;
    private volatile long takenAt;

    private StoreMetrics(Database database) {
        this.database = database;
    }

    public static void bind(Database database, MeterRegistry registry) {
        StoreMetrics metrics = new StoreMetrics(database);
        Gauge.builder("ibex_store_file_bytes", metrics, m -> m.current().bytes() < 0 ? Double.NaN : m.current().bytes())
                .description(database.isPostgres() ? "bytes of the node's tables and indexes in PostgreSQL"
                        : "bytes of the embedded database file")
                .strongReference(true).register(registry);
        if (!database.isPostgres()) {
            // PostgreSQL reports no live share without scanning every table (pgstattuple); its autovacuum reclaims.
            Gauge.builder("ibex_store_fill_ratio", metrics, m -> m.current().liveShare().orElse(Double.NaN))
                    .description("share of the embedded database file that is live data (0..1); housekeeping"
                            + " compacts below 0.5")
                    .strongReference(true).register(registry);
        }
    }

    private StoreUsage current() {
        long now = System.nanoTime();
        if (usage == null || now - takenAt > REUSE_NANOS) {
            try {
                usage = database.usage();
            } catch (StoreException e) {
                // A closed or unreachable store reads as unknown, not as a failed scrape.
                return new StoreUsage(-1, OptionalDouble.empty());
            }
            takenAt = now;
        }
        return usage;
    }
}

package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.border.Post;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics} shows how big the store is and, for the embedded file, how much of it is live data. */
class StoreMetricsTest {
    @Test
    void metricsShowTheStoresSizeAndTheEmbeddedFilesLiveShare() {
        TestDataFolder data = TestDataFolder.create();
        try (Node node = Node.open(data.path(), Map.of(), Clock.systemUTC())) {
            node.services.posts().add(new Post(CrossingLoop.POST, "Metrics post", Post.Kind.LAND, ZoneId.of("UTC")));
            CrossingLoop.record(node, 1);
            String scrape = node.services.metrics().scrape();

            assertThat(value(scrape, "ibex_store_file_bytes")).as("the store's size in bytes; scrape:%n%s", scrape)
                    .isPositive();
            if (TestDatabases.postgres()) {
                assertThat(scrape).as("PostgreSQL reports no live share cheaply: no gauge rather than a made-up one")
                        .doesNotContain("ibex_store_fill_ratio");
            } else {
                assertThat(value(scrape, "ibex_store_fill_ratio")).as("a share of the file, between 0 and 1")
                        .isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            }
        }
    }

    private static double value(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in the scrape"));
    }
}

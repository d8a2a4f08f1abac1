package org.ibex.sync;

import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync gauges at {@code /metrics}: a post's backlog, contact and list ages; headquarters' per-post ones. */
class SyncMetricsTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";

    @TempDir
    Path dir;

    @Test
    void aPostShowsItsBacklogContactAndTheAgeOfEachList() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node land = nodes.openStopped(LAND);
            SyncSeeds seeds = new SyncSeeds(land);
            seeds.journal("UTO-LAND", Instant.now().minus(Duration.ofHours(1)));
            seeds.journal("UTO-LAND", Instant.now());
            seeds.reference("watchlist:national", "watchlist", 3, Instant.now().minus(Duration.ofHours(30)),
                    Instant.now().plus(Duration.ofDays(1)), 10);

            awaitGauge(land, "ibex_sync_backlog_records", null, 2.0);
            assertThat(gauge(land, "ibex_sync_backlog_batches", null)).hasValue(0.0);
            assertThat(gauge(land, "ibex_sync_seconds_since_headquarters_contact", null)).as("never").hasValue(-1.0);
            assertThat(gauge(land, "ibex_sync_oldest_waiting_seconds", null).orElseThrow()).isBetween(3590.0, 3700.0);
            assertThat(gauge(land, "ibex_reference_age_seconds", "dataset=\"watchlist:national\"").orElseThrow())
                    .isBetween(30 * 3600.0, 30 * 3600.0 + 100);
            assertThat(gauge(land, "ibex_reference_stale", "dataset=\"watchlist:national\"")).hasValue(1.0);
            assertThat(gauge(land, "ibex_reference_stale_datasets", null)).hasValue(1.0);
            assertThat(land.services.metrics().scrape()).as("a post has no per-post gauges")
                    .doesNotContain("ibex_sync_post_backlog_records");
        }
    }

    @Test
    void headquartersShowsEachPostsBacklogAndTimeSinceContact() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND, "UTO/IMM/POST-SEA")) {
            Node hq = nodes.openStopped(HQ);
            new SyncSeeds(hq).postContact(LAND, Instant.now().minus(Duration.ofMinutes(10)), 70, 90, null);

            awaitGauge(hq, "ibex_sync_post_backlog_records", "post=\"" + LAND + "\"", 20.0);
            assertThat(gauge(hq, "ibex_sync_post_seconds_since_contact", "post=\"" + LAND + "\"").orElseThrow())
                    .isBetween(600.0, 700.0);
            assertThat(gauge(hq, "ibex_sync_post_backlog_records", "post=\"UTO/IMM/POST-SEA\"")).as("never reported")
                    .hasValue(-1.0);
            assertThat(gauge(hq, "ibex_sync_post_seconds_since_contact", "post=\"UTO/IMM/POST-SEA\"")).hasValue(-1.0);
            assertThat(gauge(hq, "ibex_sync_posts", null)).hasValue(2.0);
            assertThat(gauge(hq, "ibex_sync_posts_stale", null)).hasValue(1.0);
            assertThat(hq.services.metrics().scrape()).as("headquarters has no post gauges")
                    .doesNotContain("ibex_sync_backlog_records ");
        }
    }

    /** Scrapes until the gauge shows {@code expected}: readings are reused for a second. */
    private static void awaitGauge(Node node, String name, String label, double expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!gauge(node, name, label).equals(OptionalDouble.of(expected))) {
            assertThat(Instant.now()).as("%s{%s} reaches %s; last scrape:%n%s", name, label, expected,
                    node.services.metrics().scrape()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static OptionalDouble gauge(Node node, String name, String label) {
        String labels = label == null ? "" : "\\{" + Pattern.quote(label) + ",?}";
        Matcher line = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(node.services.metrics().scrape());
        return line.find() ? OptionalDouble.of(Double.parseDouble(line.group(1))) : OptionalDouble.empty();
    }
}

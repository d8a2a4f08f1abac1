package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.trust.NodeIdentity;
import org.ibex.delivery.ExchangeNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-peer exchange gauges at {@code /metrics}: what each peer has waiting, for the peers in force now. */
class ExchangeMetricsTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String CUSTOMS = "UTO/CUS/HQ";
    /** Port 9 (discard): nothing answers there, so what is queued stays queued. */
    private static final String NOWHERE = "https://127.0.0.1:9";

    @TempDir
    Path dir;

    @Test
    void showsEachPeersBacklogAndFollowsADirectoryThatAddsAndDropsPeersWhileTheNodeRuns() throws Exception {
        CliFederation pki = new CliFederation(dir);
        pki.issue("UTO/IMM/POST-ARL", NOWHERE, "post");
        pki.issue(HQ, NOWHERE, "hq");
        pki.directory("first.json");
        TestDataFolder data = pki.joined("post", "first.json");

        try (Node node = Node.open(data.path(), Map.of(), Clock.systemUTC())) {
            ExchangeNode exchange = node.exchange.orElseThrow();
            assertThat(gauge(node, "ibex_exchange_backlog", HQ)).hasValue(0.0);
            assertThat(gauge(node, "ibex_exchange_seconds_since_contact", HQ)).as("never heard from").hasValue(-1.0);
            assertThat(gauge(node, "ibex_exchange_peers", null)).hasValue(1.0);

            for (int i = 0; i < 3; i++) {
                exchange.send(exchange.message(NodeIdentity.parse(HQ), "exchange.note", "metrics test",
                        "text/plain", ("note " + i).getBytes(StandardCharsets.UTF_8)));
            }
            awaitGauge(node, "ibex_exchange_backlog", HQ, 3.0);

            pki.revoke("hq");
            pki.issue(CUSTOMS, NOWHERE, "customs");
            pki.directory("second.json");
            assertThat(exchange.directory().adopt("operator", Files.readAllBytes(dir.resolve("second.json")))
                    .inForce()).isEqualTo(2);

            awaitGauge(node, "ibex_exchange_backlog", CUSTOMS, 0.0);
            assertThat(gauge(node, "ibex_exchange_backlog", HQ)).as("a dropped peer's gauges go").isEmpty();
            assertThat(gauge(node, "ibex_exchange_peers", null)).hasValue(1.0);
            assertThat(gauge(node, "ibex_exchange_directory_sequence", null)).hasValue(2.0);
        }
    }

    /** Scrapes until the gauge shows {@code expected}: readings are reused for a second. */
    private static void awaitGauge(Node node, String name, String peer, double expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!gauge(node, name, peer).equals(OptionalDouble.of(expected))) {
            assertThat(Instant.now()).as("%s{peer=%s} reaches %s; last scrape:%n%s", name, peer, expected,
                    node.services.metrics().scrape()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static OptionalDouble gauge(Node node, String name, String peer) {
        String labels = peer == null ? "" : "\\{peer=\"" + Pattern.quote(peer) + "\",?}";
        Matcher line = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(node.services.metrics().scrape());
        return line.find() ? OptionalDouble.of(Double.parseDouble(line.group(1))) : OptionalDouble.empty();
    }
}

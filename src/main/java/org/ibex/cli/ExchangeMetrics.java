package org.ibex.cli;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.ibex.transport.ExchangeNode;
import org.ibex.transport.PeerStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backlog, refusals and time since last contact per peer as Prometheus gauges. One scrape reads the peer status
 * once, not once per gauge, and a reading is reused for a second so that scrapes cannot load the database.
 */
final class ExchangeMetrics {
    private final ExchangeNode exchange;
    private volatile Map<String, PeerStatus> snapshot = Map.of();
    private volatile long takenAt;

    private ExchangeMetrics(ExchangeNode exchange) {
        this.exchange = exchange;
    }

    static void bind(ExchangeNode exchange, MeterRegistry registry) {
        ExchangeMetrics metrics = new ExchangeMetrics(exchange);
        Gauge.builder("ibex_exchange_directory_sequence", exchange,
                        node -> (double) node.membership().federation().directory().sequence())
                .description("sequence of the federation directory in force").register(registry);
        // Alert on this: past it the node keeps working, but knows no revocation issued since (status says stale).
        Gauge.builder("ibex_exchange_directory_seconds_to_next_update", exchange,
                        node -> (node.membership().federation().directory().nextUpdate().toEpochMilli()
                                - Instant.now().toEpochMilli()) / 1000.0)
                .description("seconds until the directory in force is due for replacement").register(registry);
        for (PeerStatus peer : exchange.peers()) {
            String id = peer.peer();
            metrics.gauge(registry, "ibex_exchange_backlog", "messages waiting for the peer", id,
                    status -> (double) status.backlog());
            metrics.gauge(registry, "ibex_exchange_rejected", "messages the peer refused", id,
                    status -> (double) status.rejected());
            metrics.gauge(registry, "ibex_exchange_seconds_since_contact",
                    "seconds since the peer last answered (-1 when never)", id,
                    status -> status.lastContact() == null ? -1.0
                            : (Instant.now().toEpochMilli() - status.lastContact().toEpochMilli()) / 1000.0);
        }
    }

    private void gauge(MeterRegistry registry, String name, String help, String peer,
                       Function<PeerStatus, Double> value) {
        Gauge.builder(name, this, metrics -> {
            PeerStatus status = metrics.current().get(peer);
            return status == null ? 0.0 : value.apply(status);
        }).description(help).tag("peer", peer).register(registry);
    }

    private Map<String, PeerStatus> current() {
        long now = System.nanoTime();
        if (now - takenAt > 1_000_000_000L) {
            List<PeerStatus> peers = exchange.peers();
            snapshot = peers.stream().collect(Collectors.toMap(PeerStatus::peer, Function.identity()));
            takenAt = now;
        }
        return snapshot;
    }
}

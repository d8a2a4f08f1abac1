package org.ibex.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.PeerStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backlog, refusals and time since last contact per peer as Prometheus gauges. One scrape reads the peer status
 * once, not once per gauge, and a reading is reused for a second so that scrapes cannot load the database. The
 * peers are those of the directory in force, followed as it changes while the node runs.
 */
public final class ExchangeMetrics {
    private static final long REUSE_NANOS = 1_000_000_000L;
    // Gauges hold their state weakly unless told otherwise; nothing else holds this object, so they say so.
    private final ExchangeNode exchange;
    private final MeterRegistry registry;
    /** The gauges of each peer bound so far; guarded by {@code this}. */
    private final Map<String, List<Meter>> bound = new HashMap<>();
    private volatile Map<String, PeerStatus> snapshot = Map.of();
    private volatile long takenAt;

    private ExchangeMetrics(ExchangeNode exchange, MeterRegistry registry) {
        this.exchange = exchange;
        this.registry = registry;
    }

    public static void bind(ExchangeNode exchange, MeterRegistry registry) {
        Gauge.builder("ibex_exchange_directory_sequence", exchange,
                        node -> (double) node.membership().federation().directory().sequence())
                .description("sequence of the federation directory in force").register(registry);
        // Alert on this: past it the node keeps working, but knows no revocation issued since (status says stale).
        Gauge.builder("ibex_exchange_directory_seconds_to_next_update", exchange,
                        node -> (node.membership().federation().directory().nextUpdate().toEpochMilli()
                                - Instant.now().toEpochMilli()) / 1000.0)
                .description("seconds until the directory in force is due for replacement").register(registry);
        // Refreshed by every scrape too, through the peers' gauges, so a directory that adds or drops a node while
        // the node runs is followed without a restart.
        Gauge.builder("ibex_exchange_peers", new ExchangeMetrics(exchange, registry),
                        metrics -> (double) metrics.current().size())
                .description("other nodes in the directory in force").strongReference(true).register(registry)
                .value();
    }

    private List<Meter> gaugesOf(String peer) {
        return List.of(
                gauge("ibex_exchange_backlog", "messages waiting for the peer", peer,
                        status -> (double) status.backlog()),
                gauge("ibex_exchange_rejected", "messages the peer refused", peer,
                        status -> (double) status.rejected()),
                gauge("ibex_exchange_seconds_since_contact", "seconds since the peer last answered (-1 when never)",
                        peer, status -> status.lastContact() == null ? -1.0
                                : (Instant.now().toEpochMilli() - status.lastContact().toEpochMilli()) / 1000.0));
    }

    private Meter gauge(String name, String help, String peer, Function<PeerStatus, Double> value) {
        return Gauge.builder(name, this, metrics -> {
            PeerStatus status = metrics.current().get(peer);
            return status == null ? 0.0 : value.apply(status);
        }).description(help).tag("peer", peer).strongReference(true).register(registry);
    }

    private Map<String, PeerStatus> current() {
        long now = System.nanoTime();
        if (takenAt == 0 || now - takenAt > REUSE_NANOS) {
            List<PeerStatus> peers = exchange.peers();
            snapshot = peers.stream().collect(Collectors.toMap(PeerStatus::peer, Function.identity()));
            takenAt = now;
            follow(snapshot.keySet());
        }
        return snapshot;
    }

    /**
     * Binds gauges for peers not seen before and removes those of peers the directory dropped. This runs inside a
     * scrape, which is safe: Micrometer adds and removes meters under its own lock, and the Prometheus client
     * collects from a copy of its collectors, so a new peer's gauges show from the next scrape on.
     */
    private synchronized void follow(Set<String> peers) {
        for (String peer : peers) {
            bound.computeIfAbsent(peer, this::gaugesOf);
        }
        bound.entrySet().removeIf(entry -> {
            if (peers.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(registry::remove);
            return true;
        });
    }
}

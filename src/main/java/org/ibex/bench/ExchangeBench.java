package org.ibex.bench;

import org.ibex.node.ChildNode;
import org.ibex.node.NodeProcesses;
import org.ibex.node.OpenedExchange;
import org.ibex.node.Teardown;

import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxServer;
import org.ibex.delivery.PeerHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The federation exchange between two nodes on loopback, the receiver in a process of its own: the round-trip
 * latency and the throughput of a signed, audited message with its verified receipt over mutual TLS, against a
 * bare HTTPS echo of the same payload between the same two processes on the same connector, in the same run.
 */
@Command(name = "exchange", mixinStandardHelpOptions = true,
        description = "Benchmark signed, audited, receipted exchange between two nodes against plain HTTPS."
                + " With --jdbc-url each node gets a fresh schema on that server, dropped at the end.")
public final class ExchangeBench implements Callable<Integer> {
    public static final double TARGET_LATENCY_RATIO = 1.5;
    public static final double TARGET_MESSAGES_PER_SECOND = 2000;
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final Duration RECEIVER_START = Duration.ofSeconds(120);
    private static final int THROUGHPUT_WARM_UP = 5000;

    @Option(names = "--messages", defaultValue = "20000", description = "messages in each throughput run (default ${DEFAULT-VALUE})")
    public int messages;
    @Option(names = "--clients", defaultValue = "4", description = "producer threads and HTTPS clients in the throughput runs (default ${DEFAULT-VALUE})")
    public int clients;
    @Option(names = "--round-trips", defaultValue = "1000", description = "sequential round trips of each kind for the latency percentiles (default ${DEFAULT-VALUE})")
    public int roundTrips;
    @Option(names = "--warm-up", defaultValue = "500", description = "untimed round trips of each kind first (default ${DEFAULT-VALUE})")
    public int warmUp;
    @Option(names = "--payload-bytes", defaultValue = "400", description = "size of the JSON crossing record sent (default ${DEFAULT-VALUE})")
    public int payloadBytes;
    @Mixin
    public BenchDatabase database;

    @Override
    public Integer call() throws Exception {
        validate();
        byte[] payload = crossingRecord(payloadBytes);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (Teardown teardown = new Teardown()) {
            BenchFederation federation = teardown.add(BenchFederation.create());
            Map<String, String> senderEnvironment = new HashMap<>(federation.environment());
            Map<String, String> receiverEnvironment = new HashMap<>(federation.environment());
            if (database.postgres()) {
                BenchSchemas schemas = teardown.add(new BenchSchemas(database));
                senderEnvironment.putAll(schemas.fresh("sender"));
                receiverEnvironment.putAll(schemas.fresh("receiver"));
            }
            ChildNode receiver = startReceiver(teardown.add(new NodeProcesses(System.out)),
                    federation.root().resolve("receiver.log"), federation.receiver(), federation.receiverData(),
                    receiverEnvironment);
            OpenedExchange sender = teardown.add(OpenedExchange.of(federation.senderData(),
                    senderEnvironment));
            ExchangeNode exchange = sender.exchange();
            // The sender's own client settings: HTTP/1.1 with keep-alive, the node's mutual-TLS context.
            HttpClient http = PeerHttp.client(exchange.membership().sslContext());
            URI echo = federation.receiverEndpoint().resolve(InboxServer.ECHO_PATH);
            ExchangeRuns runs = new ExchangeRuns(exchange, federation.receiver(), http, echo, payload, receiver.pid());
            System.out.printf("exchange %s -> %s on loopback, receiver in process %d; %d cores, load average %.1f%n",
                    federation.sender(), federation.receiver(), receiver.pid(),
                    Runtime.getRuntime().availableProcessors(), loadBefore);
            System.out.printf("payload: %d-byte JSON crossing record; baseline: POST %s (echo, same mutual TLS)%n",
                    payload.length, InboxServer.ECHO_PATH);
            System.out.println("federation and both data folders in " + federation.root() + " (removed at the end);"
                    + " databases: " + (database.postgres() ? "PostgreSQL " + database.url : "H2 in each data folder"
                    + ", a schema each"));
            runs.roundTrips("warm-up", warmUp);
            ExchangeRuns.RoundTrips latency = runs.roundTrips("round trips", roundTrips);
            line("baseline echo, 1 client", roundTrips, latency.baseline());
            line("signed + receipt, 1 client", roundTrips, latency.signed());

            // From here the node runs as it does when serving: sender loop, inbox endpoint, processor.
            exchange.start("127.0.0.1", exchange.membership().credentials().endpoint().getPort(), Duration.ofMillis(200),
                    Duration.ofMinutes(10));
            // Batches and concurrency take the JIT down other paths than single messages: warm those too. This also
            // waits for the receiver to process the warm-up, so that work does not slow the baseline after it.
            runs.signedThroughput("warm-up", Math.min(messages, THROUGHPUT_WARM_UP), clients);
            ExchangeRuns.Throughput baseline = runs.baselineThroughput("baseline", messages, clients);
            ExchangeRuns.Throughput signed = runs.signedThroughput("signed", messages, clients);
            throughput("baseline echo, " + clients + " clients", messages, "requests", baseline, "");
            throughput("signed + receipt, " + clients + " producers", messages, "messages", signed,
                    " (batches of up to 200, one receipt each)");
            summary(latency, baseline, signed, loadBefore);
        }
        return 0;
    }

    /**
     * The receiver as operators run a node, {@code ibex serve}, in a JVM of its own with default settings like this
     * one's (not the demo's light ones: it is measured at full speed). It must use its own folder and database,
     * whatever IBEX_ settings the shell has.
     */
    static ChildNode startReceiver(NodeProcesses processes, java.nio.file.Path log,
                                   org.ibex.trust.NodeIdentity node, java.nio.file.Path data,
                                   Map<String, String> settings) throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("IBEX_"));
        environment.putAll(settings);
        ChildNode receiver = processes.start(node.toString(), log, environment, List.of(),
                List.of("serve", "--data", data.toString(), "--port", "0"));
        receiver.awaitLine(line -> line.startsWith("exchange ") && line.contains(" listening on port "),
                "its exchange endpoint listening", RECEIVER_START);
        return receiver;
    }

    private static void throughput(String label, int count, String unit, ExchangeRuns.Throughput run, String note) {
        System.out.printf("%-36s %6d %-9s %7.0f/s  CPU per %s: sender %.3f ms, receiver %.3f ms%s%n", label, count,
                unit, run.perSecond(), unit.substring(0, unit.length() - 1), run.senderCpuMillis(),
                run.receiverCpuMillis(), note);
    }

    private void summary(ExchangeRuns.RoundTrips latency, ExchangeRuns.Throughput baseline,
                         ExchangeRuns.Throughput signed, double loadBefore) {
        double baselinePerSecond = baseline.perSecond();
        double signedPerSecond = signed.perSecond();
        double p50 = latency.signed().percentileMillis(50) / latency.baseline().percentileMillis(50);
        double p99 = latency.signed().percentileMillis(99) / latency.baseline().percentileMillis(99);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("ratio signed/baseline, 1 client: p50 %.1fx, p99 %.1fx (target <= %.1fx: %s)%n", p50, p99,
                TARGET_LATENCY_RATIO, Math.max(p50, p99) <= TARGET_LATENCY_RATIO ? "met" : "missed");
        System.out.printf("ratio signed/baseline, %d clients: throughput %.2f of baseline (%.0f vs %.0f/s; target >= %.0f"
                        + " messages/s: %s)%n", clients, signedPerSecond / baselinePerSecond, signedPerSecond,
                baselinePerSecond, TARGET_MESSAGES_PER_SECOND,
                signedPerSecond >= TARGET_MESSAGES_PER_SECOND ? "met" : "missed");
        System.out.printf("SUMMARY p50=%.2fms p99=%.2fms (baseline %.2f/%.2fms, %.1fx/%.1fx) messages/s=%.0f"
                        + " (baseline %.0f/s, %.2f) cpu/message=%.2f+%.2fms (echo %.2f+%.2fms) load=%.1f..%.1f on %d cores"
                        + " db=%s (targets: <=%.1fx baseline latency, >=%.0f/s)%n",
                latency.signed().percentileMillis(50), latency.signed().percentileMillis(99),
                latency.baseline().percentileMillis(50), latency.baseline().percentileMillis(99), p50, p99,
                signedPerSecond, baselinePerSecond, signedPerSecond / baselinePerSecond, signed.senderCpuMillis(),
                signed.receiverCpuMillis(), baseline.senderCpuMillis(), baseline.receiverCpuMillis(), loadBefore,
                loadAfter, Runtime.getRuntime().availableProcessors(), database.postgres() ? "PostgreSQL" : "H2",
                TARGET_LATENCY_RATIO, TARGET_MESSAGES_PER_SECOND);
    }

    private static void line(String label, int count, Latencies latencies) {
        System.out.printf("%-36s %6d round trips  p50 %7.2f ms  p99 %7.2f ms%n", label, count,
                latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    private void validate() {
        if (messages < 1 || messages > 10_000_000) {
            throw new IllegalArgumentException("--messages must be 1 to 10000000, was " + messages);
        }
        if (clients < 1 || clients > 256) {
            throw new IllegalArgumentException("--clients must be 1 to 256, was " + clients);
        }
        if (roundTrips < 100 || roundTrips > 1_000_000) {
            throw new IllegalArgumentException("--round-trips must be 100 to 1000000 (a p99 needs 100), was "
                    + roundTrips);
        }
        if (warmUp < 0 || warmUp > 1_000_000) {
            throw new IllegalArgumentException("--warm-up must be 0 to 1000000, was " + warmUp);
        }
        int smallest = crossingRecord(0).length;
        if (payloadBytes < smallest || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("--payload-bytes must be " + smallest + " (a crossing record without"
                    + " padding) to " + MAX_PAYLOAD_BYTES + ", was " + payloadBytes);
        }
    }

    /** A crossing as a node would report it to a peer, its note padded so the record is {@code bytes} long. */
    public static byte[] crossingRecord(int bytes) {
        String record = "{\"kind\":\"crossing\",\"post\":\"UTO-AIRPORT-1\",\"direction\":\"ENTRY\","
                + "\"at\":\"2026-03-01T08:15:00Z\",\"decision\":\"ADMITTED\",\"document\":{\"type\":\"P\","
                + "\"issuer\":\"UTO\",\"number\":\"C01X00T47\",\"expiry\":\"" + LocalDate.of(2031, 3, 1) + "\"},"
                + "\"person\":{\"surname\":\"TRAVELLER\",\"given\":\"BENCH\",\"born\":\"1980-01-01\",\"sex\":\"F\","
                + "\"nationality\":\"XXA\"},\"stay\":{\"rule\":\"90/180\",\"daysUsed\":12},\"note\":\"";
        int padding = Math.max(0, bytes - record.length() - 2);
        return (record + "x".repeat(padding) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}

package org.ibex.bench;

import org.ibex.node.Progress;

import org.ibex.trust.Envelope;
import org.ibex.trust.NodeIdentity;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.ExchangeTotals;
import org.ibex.delivery.PeerStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The timed runs of {@code bench exchange}, each the signed exchange and its baseline (the same payload POSTed to the
 * receiver's echo over the same mutual TLS) between the same two processes.
 */
public final class ExchangeRuns {
    /** A delivery that stops moving for this long has failed; the peer's last error says why. */
    private static final long STALL_NANOS = 60_000_000_000L;
    private static final long POLL_MILLIS = 50;

    private final ExchangeNode exchange;
    private final NodeIdentity receiver;
    private final HttpClient http;
    private final URI echo;
    private final byte[] payload;
    private final ProcessCpu cpu;

    /** Latencies of the two kinds of round trip, taken in turn so both see the same load on the machine. */
    public record RoundTrips(Latencies signed, Latencies baseline) {
    }

    /** A throughput run: operations per second, and CPU milliseconds per operation in sender and receiver. */
    public record Throughput(double perSecond, double senderCpuMillis, double receiverCpuMillis) {
    }

    public ExchangeRuns(ExchangeNode exchange, NodeIdentity receiver, HttpClient http, URI echo, byte[] payload,
                 long receiverPid) {
        this.exchange = exchange;
        this.receiver = receiver;
        this.http = http;
        this.echo = echo;
        this.payload = payload.clone();
        this.cpu = new ProcessCpu(receiverPid);
    }

    /**
     * One message at a time: signed, queued and audited in a transaction, delivered by one synchronous pass of the
     * sender, done when its receipt is verified and recorded; alternating with a bare echo of the same payload.
     * Needs the exchange not started: its sender loop would deliver the same rows.
     */
    public RoundTrips roundTrips(String label, int count) throws Exception {
        Latencies signed = new Latencies(count);
        Latencies baseline = new Latencies(count);
        long deliveredBefore = exchange.totals().delivered();
        Progress progress = new Progress(label, count);
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            echo();
            long t1 = System.nanoTime();
            Envelope envelope = message();
            long t2 = System.nanoTime();
            exchange.send(envelope);
            int settled = exchange.deliverNow();
            long t3 = System.nanoTime();
            if (settled != 1) {
                throw new IllegalStateException("round trip " + (i + 1) + " settled " + settled + " messages, not 1; "
                        + lastError());
            }
            baseline.add(t1 - t0);
            signed.add(t3 - t2);
            progress.advance(1);
        }
        progress.done();
        expectDelivered(deliveredBefore + count);
        return new RoundTrips(signed, baseline);
    }

    /**
     * Messages per second from the first enqueue until the last receipt is recorded: {@code clients} threads queue
     * {@code total} messages while the started exchange's sender delivers them in batches.
     */
    public Throughput signedThroughput(String label, int total, int clients) throws Exception {
        long deliveredBefore = exchange.totals().delivered();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger queued = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Progress progress = new Progress(label, total);
        ProcessCpu.Reading before = cpu.read();
        long start = System.nanoTime();
        long end;
        ProcessCpu.Reading atEnd;
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                producers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < total) {
                        exchange.send(message());
                        queued.incrementAndGet();
                    }
                    return null;
                }));
            }
            end = awaitDelivered(queued, total, progress, producers);
            atEnd = cpu.read();
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        expectDelivered(deliveredBefore + total);
        // The receiver's share includes processing what it stored, which goes on after the last receipt.
        ProcessCpu.Reading settled = cpu.afterOtherSettles(Duration.ofSeconds(60));
        return new Throughput(total / ((end - start) / 1e9), atEnd.millisPer(before, total)[0],
                new ProcessCpu.Reading(atEnd.self(), settled.other()).millisPer(before, total)[1]);
    }

    /**
     * Polls until all {@code total} messages are queued and none is pending; returns when that was seen. It counts
     * only pending rows (an index range): counting every delivered row 20 times a second cost the sender a tenth of
     * its CPU, which the measurement would have charged to the exchange.
     */
    private long awaitDelivered(AtomicInteger queued, int total, Progress progress, List<Future<?>> producers)
            throws Exception {
        long shown = 0;
        long lastMove = System.nanoTime();
        while (true) {
            for (Future<?> producer : producers) {
                if (producer.isDone()) {
                    producer.get(); // rethrows a producer's failure
                }
            }
            int queuedNow = queued.get();
            long pending = exchange.pending();
            long now = System.nanoTime();
            long delivered = Math.max(0, queuedNow - pending);
            if (queuedNow == total && pending == 0) {
                progress.advance(total - shown);
                return now;
            }
            if (delivered > shown) {
                progress.advance(delivered - shown);
                shown = delivered;
                lastMove = now;
            } else if (now - lastMove > STALL_NANOS) {
                throw new IllegalStateException("delivery stalled at " + delivered + " of " + total + "; "
                        + lastError());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Requests per second of {@code total} echoes of the payload from {@code clients} threads. */
    public Throughput baselineThroughput(String label, int total, int clients) throws Exception {
        ProcessCpu.Reading before = cpu.read();
        LoadRun.Result run = LoadRun.run(label, total, clients, i -> echo());
        double[] millis = cpu.read().millisPer(before, total);
        return new Throughput(run.perSecond(), millis[0], millis[1]);
    }

    private void echo() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(echo)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || !Arrays.equals(response.body(), payload)) {
            throw new IllegalStateException("echo at " + echo + " answered HTTP " + response.statusCode() + " with "
                    + response.body().length + " bytes, not the " + payload.length + " sent");
        }
    }

    private Envelope message() {
        return exchange.message(receiver, "exchange.note", "benchmark crossing record", "application/json", payload);
    }

    private void expectDelivered(long expected) {
        ExchangeTotals totals = exchange.totals();
        if (totals.delivered() != expected || totals.rejected() > 0) {
            throw new IllegalStateException("expected " + expected + " messages delivered, found " + totals.delivered()
                    + " delivered and " + totals.rejected() + " rejected; " + lastError());
        }
    }

    private String lastError() {
        return exchange.peers().stream().filter(p -> p.peer().equals(receiver.toString())).findFirst()
                .map(PeerStatus::lastError).map(error -> "last error from " + receiver + ": " + error)
                .orElse("no error recorded for " + receiver);
    }
}

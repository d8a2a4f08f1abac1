package org.ibex.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream between two {@code ibex serve} processes survives SIGKILLs and a cut link: each message once, in order. */
class ExchangeFaultProcessTest {
    private static final String POST = "UTO/IMM/POST-ARL";
    private static final String HQ = "UTO/POLICE/HQ";
    private static final String STREAM = "crossings";
    private static final int MESSAGES = 10_000;
    /** For everything but the link cut; generous, since a busy 2-core machine needs about half of it. */
    private static final Duration DEADLINE = Duration.ofMinutes(6);
    private static final Pattern POSITION = Pattern.compile(" stream=" + STREAM + " seq=(\\d+) ");

    @TempDir
    Path dir;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private Instant began;
    private Instant deadline;

    /** What HQ stored and processed, read after it stopped. */
    private record Received(long rows, long unprocessed, long receivedEntries, long duplicateEntries,
                            List<String> processedIds, List<Long> processedPositions) {
    }

    /** What POST sent, read after it stopped. */
    private record Sent(List<String> idsBySequence, long deliveredWithReceipt, long sentEntries) {
    }

    @AfterEach
    void killNodes() {
        nodes.forEach(NodeProcess::close);
    }

    /**
     * While POST delivers 10,000 messages, it is killed twice and HQ once at random points, then HQ is stopped for
     * {@code -Dibex.fault.linkCutSeconds} (default 120: the issue asks for minutes); {@code -Dibex.fault.seed}
     * replays a run's fault points.
     */
    @Test
    void deliversAStreamExactlyOnceAndInOrderThroughSenderKillsAReceiverKillAndACutLink() throws Exception {
        long seed = Long.getLong("ibex.fault.seed", System.nanoTime());
        Duration linkCut = Duration.ofSeconds(Long.getLong("ibex.fault.linkCutSeconds", 120));
        String run = "seed " + seed + " (rerun with -Dibex.fault.seed=" + seed + ")";
        System.out.println("exchange fault test: " + run + ", link cut " + linkCut.toSeconds() + " s");
        Random random = new Random(seed);
        began = Instant.now();
        deadline = began.plus(DEADLINE).plus(linkCut);
        NodeProcess[] pair = joinPostAndHq();
        NodeProcess post = pair[0];
        NodeProcess hq = pair[1];
        progress("joined");
        hq.launch();
        assertThat(post.command("exchange", "send", "--data", post.data.toString(), "--to", HQ, "--stream", STREAM,
                "--count", Integer.toString(MESSAGES))).as(post.logTail()).isZero();
        progress("queued");
        post.start();
        hq.awaitStarted();
        progress("started");

        // Each fault waits for HQ to hold a random share of the stream, then strikes after a random pause, so
        // that it lands anywhere in a batch: mid-request, mid-commit, or between receipt and settlement.
        awaitReceived(hq, between(random, 500, 2000));
        pause(random);
        post.kill();
        post.start();
        awaitReceived(hq, between(random, 2500, 4000));
        pause(random);
        hq.kill();
        hq.start();
        awaitReceived(hq, between(random, 4500, 6000));
        pause(random);
        post.kill();
        post.start();
        awaitReceived(hq, between(random, 6500, 8000));
        hq.stop();
        progress("link cut for " + linkCut.toSeconds() + " s");
        Thread.sleep(linkCut.toMillis());
        hq.start();
        awaitUntil("HQ processed all " + MESSAGES + " and POST has none queued",
                () -> total(hq, "processed") == MESSAGES && total(post, "queued") == 0, hq, post);
        progress("all delivered and processed");
        NodeProcess.stopAll(hq, post);

        Sent sent = post.read(ExchangeFaultProcessTest::sent);
        Received received = hq.read(ExchangeFaultProcessTest::received);
        assertThat(sent.idsBySequence()).as(run).hasSize(MESSAGES);
        assertThat(sent.deliveredWithReceipt()).as("%s: every row delivered with its receipt", run)
                .isEqualTo(MESSAGES);
        assertThat(sent.sentEntries()).as("%s: each delivery settled once", run).isEqualTo(MESSAGES);
        assertThat(received.rows()).as("%s: each envelope stored once", run).isEqualTo(MESSAGES);
        assertThat(received.receivedEntries()).as(run).isEqualTo(MESSAGES);
        assertThat(received.unprocessed()).as(run).isZero();
        assertThat(received.processedIds()).as("%s: processed once each, in the order POST numbered them", run)
                .containsExactlyElementsOf(sent.idsBySequence());
        assertThat(new HashSet<>(received.processedIds())).as(run).hasSize(MESSAGES);
        assertThat(received.processedPositions()).as("%s: stream positions in audit chain order", run)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
        CompletableFuture<Integer> hqAudit = verifyAudit(hq);
        CompletableFuture<Integer> postAudit = verifyAudit(post);
        assertThat(hqAudit.get()).as("HQ audit chain %s", hq.logTail()).isZero();
        assertThat(postAudit.get()).as("POST audit chain %s", post.logTail()).isZero();
        progress(run + ": HQ acknowledged " + received.duplicateEntries() + " resent envelopes without storing"
                + " them again");
    }

    /** Both nodes joined to one federation that lists each at a loopback port picked now. */
    private NodeProcess[] joinPostAndHq() throws Exception {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put(POST, URI.create("https://127.0.0.1:" + NodeProcess.freePort()));
        endpoints.put(HQ, URI.create("https://127.0.0.1:" + NodeProcess.freePort()));
        TestFederation pki = new TestFederation(endpoints);
        Path anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        Path directory = Files.write(dir.resolve("directory.json"), pki.signedDirectory);
        NodeProcess post = NodeProcess.join(dir.resolve("post"), pki.node(POST), anchor, directory);
        nodes.add(post);
        NodeProcess hq = NodeProcess.join(dir.resolve("hq"), pki.node(HQ), anchor, directory);
        nodes.add(hq);
        return new NodeProcess[]{post, hq};
    }

    private static int between(Random random, int low, int high) {
        return low + random.nextInt(high - low);
    }

    private static void pause(Random random) throws InterruptedException {
        Thread.sleep(random.nextInt(300));
    }

    private void awaitReceived(NodeProcess hq, int threshold) throws Exception {
        awaitUntil("HQ received " + threshold, () -> total(hq, "received") >= threshold, hq);
        progress("HQ received " + total(hq, "received") + " (fault at " + threshold + ")");
    }

    /** Polls until {@code condition} holds; past the deadline, fails with what the nodes were doing. */
    private void awaitUntil(String what, BooleanSupplier condition, NodeProcess... watched) throws Exception {
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                StringBuilder state = new StringBuilder("timed out waiting until " + what);
                for (NodeProcess node : watched) {
                    System.out.println(node.threadDump());
                    state.append("\n").append(node.node).append(" totals ").append(totals(node)).append("\n")
                            .append(node.logTail());
                }
                throw new AssertionError(state);
            }
            Thread.sleep(250);
        }
    }

    private void progress(String event) {
        System.out.println("exchange fault test: +" + Duration.between(began, Instant.now()).toSeconds() + " s "
                + event);
    }

    /** A status total, or -1 while the node cannot answer (starting, or busy past the request timeout). */
    private static long total(NodeProcess node, String name) {
        try {
            return node.total(name);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String totals(NodeProcess node) {
        try {
            return node.exchangeStatus().path("totals").toString();
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    private static CompletableFuture<Integer> verifyAudit(NodeProcess node) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return node.command("audit", "verify", "--data", node.data.toString());
            } catch (Exception e) {
                throw new IllegalStateException("ibex audit verify of " + node.node + " did not run", e);
            }
        });
    }

    private static Sent sent(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT envelope_id FROM exchange_outbox"
                + " ORDER BY sequence"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getString(1));
            }
        }
        return new Sent(ids, count(connection, "SELECT COUNT(*) FROM exchange_outbox o"
                + " JOIN exchange_receipt r ON r.digest = o.receipt_digest WHERE o.state = 'DELIVERED'"),
                count(connection, "SELECT COUNT(*) FROM audit_entry"
                + " WHERE kind = 'exchange.sent'"));
    }

    /** HQ's counts, and its {@code exchange.processed} entries of POST's stream in audit chain order. */
    private static Received received(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT subject, detail FROM audit_entry"
                + " WHERE kind = 'exchange.processed' AND actor = ? ORDER BY seq")) {
            select.setString(1, POST);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Matcher position = POSITION.matcher(row.getString(2));
                    if (position.find()) {
                        ids.add(row.getString(1));
                        positions.add(Long.parseLong(position.group(1)));
                    }
                }
            }
        }
        return new Received(count(connection, "SELECT COUNT(*) FROM exchange_inbox"),
                count(connection, "SELECT COUNT(*) FROM exchange_inbox WHERE processed_at IS NULL"),
                count(connection, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.received'"),
                count(connection, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.duplicate'"), ids,
                positions);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}

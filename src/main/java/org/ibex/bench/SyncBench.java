package org.ibex.bench;

import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxServer;
import org.ibex.delivery.PeerHttp;
import org.ibex.node.ChildNode;
import org.ibex.node.Node;
import org.ibex.node.NodeProcesses;
import org.ibex.node.Progress;
import org.ibex.node.Teardown;
import org.ibex.store.DataFolder;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A post that was offline for a week reconnects to its headquarters: the post (in a process of its own, as
 * {@code ibex serve}) holds a journal of crossings recorded through its BorderService while headquarters was down;
 * headquarters then starts in this process and the clock runs until its national store holds every record and has
 * applied every crossing. Baseline, same run: the same batch payloads POSTed one after another to headquarters' echo
 * over the same mutual TLS, which is what moving the bytes costs without signing, storing or applying them.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Benchmark a post's week of backlog catching up at headquarters against plain HTTPS.")
public final class SyncBench implements Callable<Integer> {
    public static final double TARGET_SECONDS = 60;
    public static final double TARGET_RECORDS_PER_SECOND = 5000;
    public static final double TARGET_DELTA_SECONDS = 10;
    static final NodeIdentity POST = NodeIdentity.parse("UTO/BENCH/LAND-7");
    static final NodeIdentity HQ = NodeIdentity.parse("UTO/BENCH/HQ");

    @Option(names = "--crossings", defaultValue = "50000", description = "crossings in the post's backlog (default ${DEFAULT-VALUE})")
    public int crossings;
    @Option(names = "--travellers", defaultValue = "20000", description = "distinct travellers crossing (default ${DEFAULT-VALUE})")
    public int travellers;
    @Option(names = "--listed", defaultValue = "400", description = "travellers on the post's watchlist, whose crossings store hits (default ${DEFAULT-VALUE})")
    public int listed;
    @Option(names = "--desks", defaultValue = "1", description = "threads recording the backlog (imports hold the audit head for a whole batch: more desks wait on each other) (default ${DEFAULT-VALUE})")
    public int desks;
    @Option(names = "--recording", defaultValue = "import",
            description = "how the backlog is recorded at the post: import (recordBatch, 250 a transaction, dated over"
                    + " the past week) or desk (one transaction per crossing, now) (default ${DEFAULT-VALUE})")
    public String recording;
    @Option(names = "--enrolments", defaultValue = "5000",
            description = "enrolments in the backlog, through the post's BiometricService, one finger each (default ${DEFAULT-VALUE})")
    public int enrolments;
    @Option(names = "--fingers", defaultValue = "../shared/data/fingerprints/fvc2002/DB1_B", paramLabel = "DIR",
            description = "folder of finger images the enrolments use in turn (default ${DEFAULT-VALUE})")
    public java.nio.file.Path fingers;
    @Option(names = "--delta-posts", defaultValue = "20",
            description = "posts a national watchlist delta goes to after the catch-up (0 skips it) (default ${DEFAULT-VALUE})")
    public int deltaPosts;
    @Option(names = "--delta-changes", defaultValue = "10000",
            description = "changes in that delta: 40%% adds, 30%% edits, 30%% removals (default ${DEFAULT-VALUE})")
    public int deltaChanges;
    @Mixin
    public BenchDatabase database;

    @Override
    public Integer call() throws Exception {
        validate();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (Teardown teardown = new Teardown()) {
            BenchFederation federation = teardown.add(BenchFederation.create(POST, HQ));
            Map<String, String> postSettings = new HashMap<>(federation.environment());
            Map<String, String> hqSettings = new HashMap<>(federation.environment());
            if (database.postgres()) {
                BenchSchemas schemas = teardown.add(new BenchSchemas(database));
                postSettings.putAll(schemas.fresh("post"));
                hqSettings.putAll(schemas.fresh("hq"));
            }
            System.out.printf("sync %s -> %s on loopback; %d cores, load average %.1f; database %s%n", POST, HQ,
                    Runtime.getRuntime().availableProcessors(), loadBefore,
                    database.postgres() ? "PostgreSQL " + database.url : "H2 in each data folder");

            SyncBacklog.Built built;
            SyncLedger.PostSide post;
            SyncEnrolments.Built enrolled;
            long postHits;
            try (Node node = Node.open(federation.senderData(), postSettings, Clock.systemUTC())) {
                built = new SyncBacklog(crossings, travellers, listed, desks, "import".equals(recording))
                        .build(node);
                enrolled = enrolments == 0 ? new SyncEnrolments.Built(java.util.Set.of(), 0)
                        : new SyncEnrolments(enrolments, fingers).build(node);
                post = SyncLedger.post(node.database, POST.toString(), SyncBacklog.POST_ID);
                postHits = SyncLedger.postHits(node.database, SyncBacklog.POST_ID);
            }
            System.out.printf("backlog: %d crossings of %d travellers (%d listed), %d hits, journal head %d;"
                            + " recorded through BorderService (%s) by %d desks in %.1f s (%.0f/s)%n", built.crossings(),
                    travellers, built.listedTravellers(), postHits, post.journalHead(), recording, desks,
                    built.seconds(),
                    built.crossings() / built.seconds());
            if (enrolments > 0) {
                System.out.printf("enrolments: %d through BiometricService (one finger each, images of %s) in %.1f s"
                        + " (%.0f/s)%n", enrolled.subjects().size(), fingers, enrolled.seconds(),
                        enrolled.subjects().size() / enrolled.seconds());
            }
            System.out.printf("batches: %d of up to %d records, %.1f MiB gzipped JSON%n", post.batches().size(),
                    org.ibex.replication.RecordShipper.MAX_RECORDS, post.batchBytes() / 1048576.0);

            // The post comes up (as operators run it) while headquarters is still down: its shipper queues batches.
            ChildNode postProcess = ExchangeBench.startReceiver(teardown.add(new NodeProcesses(System.out)),
                    federation.root().resolve("post.log"), POST, federation.senderData(), postSettings);

            long start = System.nanoTime();
            Node hq = teardown.add(Node.open(federation.receiverData(), hqSettings, Clock.systemUTC()));
            ExchangeNode exchange = hq.exchange.orElseThrow();
            exchange.start("127.0.0.1", exchange.membership().credentials().endpoint().getPort(),
                    java.time.Duration.ofMillis(200), hq.settings.directoryPull());
            exchange.shareCheckpoints(hq.auditSigner, hq.settings.checkpointEvery());
            long listening = System.nanoTime();
            long cpuBefore = processCpuNanos();
            SyncLedger.CatchUp catchUp = SyncLedger.awaitCaughtUp(hq.database, POST.toString(),
                    SyncBacklog.POST_ID, post.journalHead(), built.crossings());
            long caughtUp = catchUp.caughtUp();
            // This process is headquarters (and a poll every 100 ms): its CPU per record after it listens is what
            // receiving and applying cost,
            // which the machine's other load does not inflate the way it does seconds.
            double cpuMillisPerRecord = (processCpuNanos() - cpuBefore) / 1e6 / post.journalHead();
            // NaN when the whole backlog became visible at once (headquarters commits up to 50 batches together).
            double steadyPerSecond = catchUp.heldAtFirst() >= post.journalHead() ? Double.NaN
                    : (post.journalHead() - catchUp.heldAtFirst()) / ((caughtUp - catchUp.firstHeld()) / 1e9);
            double fromStart = (caughtUp - start) / 1e9;
            double fromListening = (caughtUp - listening) / 1e9;
            double firstAfter = (catchUp.firstHeld() - listening) / 1e9;
            SyncLedger.Verdict verdict = SyncLedger.verify(hq.database, POST.toString(), SyncBacklog.POST_ID, post);
            System.out.printf("caught up: %.1f s from headquarters' start (%.1f s opening it), %.1f s from its"
                            + " endpoint listening (first records held after %.1f s); post process %d%n", fromStart,
                    (listening - start) / 1e9, fromListening, firstAfter, postProcess.pid());
            System.out.printf("headquarters holds %d national records, %d crossings, %d hits (post: %d, %d, %d);"
                    + " lost %d, duplicated %d%n", verdict.nationalRecords(), verdict.crossings(), verdict.hits(),
                    post.journalHead(), post.uids().size(), postHits, verdict.lost(), verdict.duplicated());

            SyncEnrolments.Verdict subjects = SyncEnrolments.verify(hq.database, POST.toString(),
                    enrolled.subjects());
            System.out.printf("headquarters holds %d of the post's %d enrolled subjects; lost %d, duplicated %d%n",
                    subjects.held(), enrolled.subjects().size(), subjects.lost(), subjects.duplicated());
            double baseline = baseline(federation, postSettings, post.batches());
            double perSecond = post.journalHead() / fromListening;
            System.out.printf("baseline: %d batches POSTed one after another to %s (mutual TLS): %.2f s%n",
                    post.batches().size(), InboxServer.ECHO_PATH, baseline);
            System.out.printf("ratio catch-up/baseline: %.1fx; %.0f records/s from listening, %.0f records/s once the"
                            + " first batch was in; headquarters' CPU %.3f ms per record (targets: <= %.0f s: %s,"
                            + " >= %.0f records/s: %s)%n", fromListening / baseline, perSecond, steadyPerSecond,
                    cpuMillisPerRecord, TARGET_SECONDS, fromStart <= TARGET_SECONDS ? "met" : "missed",
                    TARGET_RECORDS_PER_SECOND, steadyPerSecond >= TARGET_RECORDS_PER_SECOND ? "met" : "missed");
            boolean exact = verdict.lost() == 0 && verdict.duplicated() == 0 && subjects.lost() == 0
                    && subjects.duplicated() == 0;
            String delta = "delta=not-run";
            if (deltaPosts > 0) {
                DeltaBench.Result d = new DeltaBench(deltaPosts, deltaChanges, database).run();
                System.out.printf("delta: %d changes (%d entries before, %d after) reached %d posts (%d hold the new"
                                + " list's %d entries) in %.2f s from the change's start (its own transaction at headquarters: %.2f s): per post p50 %.2f s, max %.2f s;"
                                + " baseline (each post's delta envelope, %.1f MiB in all, POSTed one post after"
                                + " another to its echo): %.2f s, per post p50 %.2f s, max %.2f s; ratio %.1fx;"
                                + " meanwhile the process used %.1f s of CPU, its collectors reported %.1f s, load"
                                + " average %.1f..%.1f%n",
                        d.changes(), d.entriesBefore(), d.entriesAfter(), d.posts(), d.heldEverywhere(),
                        d.entriesAfter(), d.total(), d.changeSeconds(), d.p50(), d.max(), d.wireBytes() / 1048576.0, d.baselineTotal(),
                        d.baselineP50(), d.baselineMax(), d.total() / d.baselineTotal(), d.window().cpuSeconds(),
                        d.window().gcSeconds(), d.window().loadStart(), d.window().loadEnd());
                delta = String.format("delta-posts=%d delta-changes=%d delta-s=%.2f delta-baseline-s=%.2f"
                                + " delta-p50-s=%.2f delta-max-s=%.2f delta-ratio=%.1f delta-held=%d delta-cpu-s=%.1f"
                                + " delta-gc-s=%.1f",
                        d.posts(), d.changes(), d.total(), d.baselineTotal(), d.p50(), d.max(),
                        d.total() / d.baselineTotal(), d.heldEverywhere(), d.window().cpuSeconds(),
                        d.window().gcSeconds());
                exact &= d.heldEverywhere() == d.posts();
            }
            System.out.printf("SUMMARY records=%d crossings=%d enrolments=%d lost=%d duplicated=%d enrolments-lost=%d enrolments-duplicated=%d caught-up-s=%.1f"
                            + " from-listening-s=%.1f baseline-s=%.2f ratio=%.1f records-per-s=%.0f steady-records-per-s=%.0f"
                            + " hq-cpu-ms-per-record=%.3f batches=%d"
                            + " mib=%.1f first-held-s=%.1f backlog-build-s=%.0f load=%.1f..%.1f cores=%d db=%s %s"
                            + " (targets: <=%.0fs, >=%.0f records/s, delta <=%.0fs)%n",
                    post.journalHead(), built.crossings(), enrolled.subjects().size(), verdict.lost() + subjects.lost(),
                    verdict.duplicated() + subjects.duplicated(), subjects.lost(), subjects.duplicated(), fromStart,
                    fromListening, baseline, fromListening / baseline, perSecond, steadyPerSecond, cpuMillisPerRecord,
                    post.batches().size(),
                    post.batchBytes() / 1048576.0, firstAfter, built.seconds(), loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors(), database.postgres() ? "PostgreSQL" : "H2",
                    delta, TARGET_SECONDS, TARGET_RECORDS_PER_SECOND, TARGET_DELTA_SECONDS);
            return exact ? 0 : 1;
        }
    }

    /**
     * Seconds to POST every batch's bytes to headquarters' echo, one after another as the post's sender sends a
     * stream, with the post's own certificate; one untimed echo first opens the connection, as the sender's is open.
     */
    private static double baseline(BenchFederation federation, Map<String, String> postSettings, List<byte[]> batches)
            throws Exception {
        DataFolder folder = DataFolder.open(federation.senderData(), postSettings);
        Membership membership = Membership.load(Node.exchangeFolder(folder), Node.passphrase(folder),
                Clock.systemUTC());
        HttpClient http = PeerHttp.client(membership.sslContext());
        URI echo = federation.receiverEndpoint().resolve(InboxServer.ECHO_PATH);
        post(http, echo, batches.get(0));
        Progress progress = new Progress("baseline echo", batches.size());
        long t0 = System.nanoTime();
        for (byte[] batch : batches) {
            post(http, echo, batch);
            progress.advance(1);
        }
        long t1 = System.nanoTime();
        progress.done();
        return (t1 - t0) / 1e9;
    }

    private static void post(HttpClient http, URI echo, byte[] body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(echo)
                .header("Content-Type", org.ibex.replication.RecordBatch.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length != body.length) {
            throw new IllegalStateException("echo at " + echo + " answered HTTP " + response.statusCode() + " with "
                    + response.body().length + " bytes, not the " + body.length + " sent");
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void validate() {
        if (crossings < 1 || crossings > 10_000_000) {
            throw new IllegalArgumentException("--crossings must be 1 to 10000000, was " + crossings);
        }
        if (travellers < 1 || travellers > crossings) {
            throw new IllegalArgumentException("--travellers must be 1 to --crossings (" + crossings + "), was "
                    + travellers);
        }
        if (listed < 0 || listed > travellers) {
            throw new IllegalArgumentException("--listed must be 0 to --travellers (" + travellers + "), was " + listed);
        }
        if (desks < 1 || desks > 64) {
            throw new IllegalArgumentException("--desks must be 1 to 64, was " + desks);
        }
        if (!"import".equals(recording) && !"desk".equals(recording)) {
            throw new IllegalArgumentException("--recording must be import or desk, was " + recording);
        }
        if (deltaPosts < 0 || deltaPosts > 200) {
            throw new IllegalArgumentException("--delta-posts must be 0 to 200, was " + deltaPosts);
        }
        if (deltaChanges < 10 || deltaChanges > 1_000_000) {
            throw new IllegalArgumentException("--delta-changes must be 10 to 1000000, was " + deltaChanges);
        }
        if (enrolments < 0 || enrolments > 1_000_000) {
            throw new IllegalArgumentException("--enrolments must be 0 to 1000000, was " + enrolments);
        }
        if (enrolments > 0) {
            try {
                SyncEnrolments.images(fingers);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--fingers: cannot read " + fingers + ": " + e.getMessage(), e);
            }
        }
    }
}

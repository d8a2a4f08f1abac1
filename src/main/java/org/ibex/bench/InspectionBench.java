package org.ibex.bench;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.node.Progress;

import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.document.CheckDigit;
import org.ibex.document.MrzParser;
import org.ibex.document.MrzWriter;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Primary-inspection benchmark: MRZ parse throughput against a check-digits-only baseline, and the full
 * inspection (MRZ, checks, stay, stored crossing, response) through the real HTTP API on loopback against
 * an authenticated no-op request ({@code GET /api/me}) measured the same way in the same run.
 */
@Command(name = "inspection", mixinStandardHelpOptions = true, description = "Benchmark primary inspection.")
public final class InspectionBench implements Callable<Integer> {
    @Mixin
    public BenchDatabase databaseServer;
    @Option(names = "--crossings", defaultValue = "5000", description = "crossings in the throughput run")
    public int crossings;
    @Option(names = "--clients", defaultValue = "4", description = "concurrent HTTP clients in the throughput run")
    public int clients;
    @Option(names = "--parses", defaultValue = "200000", description = "MRZ parses in the parse run")
    public int parses;
    @Option(names = "--watchlist-entries", defaultValue = "0",
            description = "load a synthetic watchlist of this many persons into the screening index first")
    public int watchlistEntries;

    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public Integer call() throws Exception {
        Path folder = Files.createTempDirectory("ibex-bench");
        Map<String, String> env = databaseServer.environment();
        String[] mrzs = sampleZones(1000);
        parseRun(mrzs);
        try (Node node = Node.open(folder, env, Clock.systemUTC())) {
            String post = "BENCH-" + Long.toString(System.nanoTime(), 36).toUpperCase();
            node.services.posts().add(new Post(post, "Benchmark post", Post.Kind.AIRPORT, ZoneId.of("UTC")));
            node.stayRules.put(new StayRuleKey(null, null), StayRule.rolling(90, 180));
            loadWatchlist(node);
            String officer = "bench." + post.toLowerCase();
            node.services.accounts().seed(Operator.actor("benchmark"), new User(officer, Role.OFFICER, post),
                    "bench-password");
            try (WebServer server = WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), node.services)) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                String token = HttpLoad.login(http, server.baseUrl(), officer, "bench-password");
                String database = databaseServer.postgres() ? "PostgreSQL" : "H2 (file)";
                System.out.println("inspection through HTTP on loopback, database " + database);
                IntFunction<HttpRequest> me = i -> HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/me"))
                        .header("Authorization", "Bearer " + token).GET().build();
                IntFunction<HttpRequest> inspect = i -> crossing(server.baseUrl(), token, post, mrzs, sequence.incrementAndGet());
                HttpLoad.run(http, "warm-up", inspect, Math.min(1000, crossings), clients, false);
                HttpLoad.run(http, "warm-up", me, 2000, clients, false);
                HttpLoad.Result baseline1 = HttpLoad.run(http, "baseline /api/me, 1 client", me, 2000, 1, true);
                HttpLoad.Result inspection1 = HttpLoad.run(http, "inspection, 1 client", inspect, Math.min(2000, crossings), 1, true);
                HttpLoad.Result baselineN = HttpLoad.run(http, "baseline /api/me, " + clients + " clients", me, crossings, clients, true);
                HttpLoad.Result inspectionN = HttpLoad.run(http, "inspection, " + clients + " clients", inspect, crossings, clients, true);
                System.out.printf("ratio inspection/baseline, 1 client: p50 %.1fx, p99 %.1fx%n",
                        inspection1.p50() / baseline1.p50(), inspection1.p99() / baseline1.p99());
                System.out.printf("ratio inspection/baseline, %d clients: throughput %.2f of baseline (%.0f vs %.0f/s)%n",
                        clients, inspectionN.perSecond() / baselineN.perSecond(), inspectionN.perSecond(), baselineN.perSecond());
                System.out.printf("SUMMARY db=%s p50=%.2fms p99=%.2fms crossings/s=%.0f (targets: p99<=50ms, >=500/s)%n",
                        database, inspection1.p50(), inspection1.p99(), inspectionN.perSecond());
            }
        }
        return 0;
    }

    /**
     * Fills the screening index (not the database: storing a million list rows is not part of a crossing's
     * latency) with persons named from the shared name pairs, so every inspection screens against them.
     */
    private void loadWatchlist(Node node) throws java.io.IOException {
        if (watchlistEntries <= 0) {
            return;
        }
        var pairs = BenchNames.load(BenchNames.sharedFolder());
        java.util.Random random = new java.util.Random(7);
        java.util.List<String> scripts = new java.util.ArrayList<>(pairs.keySet());
        java.util.List<org.ibex.watchlist.PersonEntry> entries = new java.util.ArrayList<>(watchlistEntries);
        for (int i = 0; i < watchlistEntries; i++) {
            entries.add(BenchPerson.random(pairs, scripts, random).entry("bench", "E" + i));
        }
        long t0 = System.nanoTime();
        node.screening.replaceList(new org.ibex.watchlist.WatchlistInfo("bench", "bench", "bench", "none", 80), entries,
                java.util.List.of());
        System.out.printf("screening index loaded with %d persons in %.1f s%n", watchlistEntries,
                (System.nanoTime() - t0) / 1e9);
    }

    private void parseRun(String[] mrzs) {
        MrzParser parser = new MrzParser(Clock.systemUTC());
        int warm = Math.min(parses, 50_000);
        for (int i = 0; i < warm; i++) {
            parser.parse(mrzs[i % mrzs.length]);
            checkDigits(mrzs[i % mrzs.length]);
        }
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < parses; i++) {
            sink += checkDigits(mrzs[i % mrzs.length]);
        }
        long t1 = System.nanoTime();
        Progress progress = new Progress("mrz parse", parses);
        for (int i = 0; i < parses; i++) {
            sink += parser.parse(mrzs[i % mrzs.length]).errors().size();
            if ((i & 1023) == 0) {
                progress.advance(1024);
            }
        }
        long t2 = System.nanoTime();
        progress.done();
        double baseline = parses / ((t1 - t0) / 1e9);
        double parse = parses / ((t2 - t1) / 1e9);
        System.out.printf("mrz parse: %.0f documents/s; baseline (five TD3 check digits only): %.0f/s; ratio %.2f (sink %d)%n",
                parse, baseline, parse / baseline, sink % 10);
    }

    /** The least work any validator must do: compute the five TD3 check digits. */
    private static int checkDigits(String mrz) {
        String line2 = mrz.substring(45);
        return CheckDigit.compute(line2.substring(0, 9)) + CheckDigit.compute(line2.substring(13, 19))
                + CheckDigit.compute(line2.substring(21, 27)) + CheckDigit.compute(line2.substring(28, 42))
                + CheckDigit.compute(line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43));
    }

    private static String[] sampleZones(int n) {
        java.util.Random random = new java.util.Random(42);
        String[] out = new String[n];
        LocalDate today = LocalDate.now();
        for (int i = 0; i < n; i++) {
            out[i] = MrzWriter.td3("UTO", "TRAVELLER" + (char) ('A' + i % 26), "BENCH", String.format("B%08d", i), "XXA",
                    today.minusYears(20 + random.nextInt(50)), i % 2 == 0 ? "F" : "M", today.plusYears(3), null);
        }
        return out;
    }

    private HttpRequest crossing(String base, String token, String post, String[] mrzs, int n) {
        String mrz = MrzWriter.td3("UTO", "TRAVELLER", "N" + Integer.toString(n, 26).toUpperCase().replaceAll("[0-9]", "X"),
                String.format("C%08d", n), "XXA", LocalDate.of(1980, 1, 1).plusDays(n % 9000), n % 2 == 0 ? "F" : "M",
                LocalDate.now().plusYears(4), null);
        String body = "{\"direction\":\"ENTRY\",\"postId\":\"" + post + "\",\"mrz\":\"" + mrz.replace("\n", "\\n") + "\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/crossings")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}

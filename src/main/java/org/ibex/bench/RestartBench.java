package org.ibex.bench;

import org.ibex.node.Node;
import org.ibex.store.DataFolder;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Restart benchmark: a node holding one list of N persons (named as {@code bench watchlist} names them) is opened
 * cold, with no keyed file (every name keyed from the database, as before keyed files), then warm, from the file
 * the cold start kept, in the same run; the time is to a node ready to screen. Both starts must answer the same
 * sample of queries with the same hits.
 */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Benchmark a node's restart with a large list.")
public final class RestartBench implements Callable<Integer> {
    @Mixin
    public BenchDatabase databaseServer;
    @Option(names = "--entries", defaultValue = "1000000")
    public int entries;
    @Option(names = "--warm-starts", defaultValue = "2", description = "warm starts measured (the best and the worst shown)")
    public int warmStarts;
    @Option(names = "--seed", defaultValue = "2026")
    public long seed;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("ibex-bench-restart");
        Path empty = Files.createTempDirectory("ibex-bench-empty");
        Map<String, String> env = databaseServer.environment();
        if (databaseServer.postgres()) {
            System.out.println("PostgreSQL: the server's watchlist tables must be empty (a fresh database)");
        }
        List<BenchPerson> listed = persons();
        long t0 = System.nanoTime();
        try (Node node = Node.open(data, env, Clock.systemUTC())) {
            BenchRows.storeList(node.database, "bench", listed);
        }
        System.out.printf("list of %d persons stored in %.1f s%n", entries, (System.nanoTime() - t0) / 1e9);
        List<ScreeningQuery> sample = sample(listed);

        Start baseline = databaseServer.postgres() ? null : start(empty, env, List.of());
        if (baseline != null) {
            System.out.printf("baseline: a node without lists starts in %.2f s%n", baseline.seconds());
        }
        Start cold = start(data, env, sample);
        System.out.printf("cold start (no keyed file: every name keyed from the database, the file kept): %.2f s %s%n",
                cold.seconds(), cold.reads());
        long kept = size(data.resolve(DataFolder.KEYED_LISTS));
        List<Start> warm = new ArrayList<>();
        for (int i = 0; i < warmStarts; i++) {
            warm.add(start(data, env, sample));
            System.out.printf("warm start %d (keyed file of %d MB): %.2f s %s%n", i + 1, kept >> 20,
                    warm.get(i).seconds(), warm.get(i).reads());
        }
        double best = warm.stream().mapToDouble(Start::seconds).min().orElseThrow();
        double worst = warm.stream().mapToDouble(Start::seconds).max().orElseThrow();
        boolean same = warm.stream().allMatch(w -> w.hits().equals(cold.hits()));
        System.out.printf("SUMMARY entries=%d cold=%.1fs warm=%.1fs warm-worst=%.1fs empty-node=%s speedup=%.1fx file=%dMB"
                        + " same-hits=%s (target: warm<=5s)%n", entries, cold.seconds(), best, worst,
                baseline == null ? "n/a" : String.format("%.1fs", baseline.seconds()), cold.seconds() / best, kept >> 20,
                same);
        delete(data);
        delete(empty);
        return same ? 0 : 1;
    }

    private record Start(double seconds, List<List<String>> hits, Map<String, String> reads) {
    }

    /** Opens the node (the whole start: database, migrations, index), then screens the sample once. */
    private static Start start(Path data, Map<String, String> env, List<ScreeningQuery> sample) {
        System.gc();
        long t0 = System.nanoTime();
        try (Node node = Node.open(data, env, Clock.systemUTC())) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<List<String>> hits = sample.stream().map(q -> node.screening.screen(q, 10).stream()
                    .map(RestartBench::describe).toList()).toList();
            return new Start(seconds, hits, node.screening.startReads());
        }
    }

    private static String describe(WatchlistHit hit) {
        return hit.entryId() + " " + hit.score() + " " + hit.explanation();
    }

    private List<BenchPerson> persons() throws java.io.IOException {
        Map<String, List<BenchNames.Pair>> pairs = BenchNames.load(BenchNames.sharedFolder());
        Random random = new Random(seed);
        List<String> scripts = new ArrayList<>(pairs.keySet());
        List<BenchPerson> out = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            out.add(BenchPerson.random(pairs, scripts, random));
        }
        return out;
    }

    /** Listed persons as a passport prints them, half with their birth date. */
    private List<ScreeningQuery> sample(List<BenchPerson> listed) {
        Random random = new Random(seed + 1);
        List<ScreeningQuery> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BenchPerson p = listed.get(random.nextInt(listed.size()));
            out.add(new ScreeningQuery(p.latin(), i % 2 == 0 ? p.birth() : null, null, null, null, null));
        }
        return out;
    }

    private static long size(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path folder) throws java.io.IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}

package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.analytics.FlowFolder;
import org.ibex.analytics.Flows;
import org.ibex.node.Progress;
import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ibex bench analytics}: for each size, a fresh store gets a synthetic history ({@link SyntheticHistory})
 * through the crossing records' batch path, which counts every crossing into the flow roll-ups as it is inserted
 * (ingest rate, and the fold of the counts into the roll-ups, timed); then every dashboard question is asked many
 * times of the roll-ups and, as the baseline, as a GROUP BY over the crossing rows on the same database, and every
 * answer compared with the baseline's. The last line sums up the largest size.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Benchmark the analyst dashboard's questions from the flow roll-ups against raw GROUP BY.")
public final class AnalyticsBench implements Callable<Integer> {
    public static final double TARGET_P99_MS = 100;
    public static final double TARGET_INGEST = 20_000;

    @Option(names = "--crossings", split = ",", defaultValue = "100000",
            description = "sizes to run, comma-separated (default ${DEFAULT-VALUE})")
    public List<Long> sizes;
    @Option(names = "--repeats", defaultValue = "30", description = "times each question is asked of the roll-ups (default ${DEFAULT-VALUE})")
    public int repeats;
    @Option(names = "--raw-repeats", defaultValue = "5", description = "times each question is asked as raw SQL (default ${DEFAULT-VALUE})")
    public int rawRepeats;
    @Option(names = "--seed", defaultValue = "1")
    public long seed;
    @Mixin
    public BenchDatabase database;

    private final PrintStream out;

    public AnalyticsBench() {
        this(System.out);
    }

    AnalyticsBench(PrintStream out) {
        this.out = out;
    }

    /** One size's figures. */
    record Result(long crossings, double ingestPerSecond, double p99, double rawP99, int mismatches) {
    }

    @Override
    public Integer call() throws Exception {
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1 || n > 1_000_000_000L)) {
            throw new IllegalArgumentException("--crossings: sizes must be 1..1000000000 (got " + sizes + ")");
        }
        if (repeats < 1 || rawRepeats < 1) {
            throw new IllegalArgumentException("--repeats and --raw-repeats must be at least 1");
        }
        out.printf("analytics benchmark: %d cores, database %s, sizes %s%n", Runtime.getRuntime().availableProcessors(),
                database.postgres() ? "PostgreSQL " + database.url : "H2 (fresh files per size)", sizes);
        Result last = null;
        for (long size : sizes) {
            last = run(size);
        }
        out.printf("SUMMARY crossings=%d p99=%.1fms raw-p99=%.1fms ingest=%.0f/s mismatches=%d%n", last.crossings(),
                last.p99(), last.rawP99(), last.ingestPerSecond(), last.mismatches());
        return last.mismatches() == 0 ? 0 : 1;
    }

    private Result run(long size) throws Exception {
        Path folder = Files.createTempDirectory("ibex-bench-analytics");
        try (BenchSchemas schemas = database.postgres() ? new BenchSchemas(database) : null;
             Database db = Database.open(config(schemas, folder))) {
            LocalDate to = LocalDate.now(Clock.systemUTC()).withDayOfMonth(1).minusDays(1);
            LocalDate from = to.withDayOfMonth(1).minusMonths(11);
            Progress progress = new Progress("crossings", size);
            HistoryWriter writer = new HistoryWriter(db, progress);
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            new SyntheticHistory(new SyntheticHistory.Settings(size, seed, from, to, HistoryPosts.DEFAULT), Map.of())
                    .generate(writer);
            writer.flush();
            progress.done();
            double insert = (System.nanoTime() - start) / 1e9;
            FlowFolder folder2 = new FlowFolder(db, Clock.systemUTC());
            long foldStart = System.nanoTime();
            folder2.foldAll();
            double fold = (System.nanoTime() - foldStart) / 1e9;
            double cpu = cpuSeconds() - cpuStart;
            double ingest = size / (insert + fold);
            // The CPU this process used says what the ingest costs when the machine's other load steals the cores.
            out.printf("%n%,d crossings %s..%s: inserted with roll-up counts in %.1f s (%.0f/s), folded in %.1f s;"
                    + " ingest %.0f crossings/s; %.1f CPU-s used (%.0f crossings per CPU-second), load average %.1f%n",
                    size, from, to, insert, size / insert, fold, ingest, cpu, size / cpu,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Flows flows = new Flows(db, folder2);
            Actor analyst = new Actor(new User("bench-analyst", Role.ANALYST, null), "benchmark", "local");
            return measure(size, ingest, new AnalyticsQueries(db, flows, analyst, from, to).questions());
        } finally {
            deleteTree(folder);
        }
    }

    private Result measure(long size, double ingest, List<AnalyticsQueries.Question> questions) {
        out.printf("%-28s %10s %10s %12s %12s %6s%n", "question", "p50 ms", "p99 ms", "raw p50 ms", "raw p99 ms",
                "match");
        Latencies all = new Latencies(questions.size() * repeats);
        Latencies allRaw = new Latencies(questions.size() * rawRepeats);
        int mismatches = 0;
        for (AnalyticsQueries.Question q : questions) {
            Latencies own = new Latencies(repeats);
            Latencies raw = new Latencies(rawRepeats);
            List<String> answer = null;
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                answer = q.rollup().get();
                long d = System.nanoTime() - t;
                own.add(d);
                all.add(d);
            }
            List<String> baseline = null;
            for (int i = 0; i < rawRepeats; i++) {
                long t = System.nanoTime();
                baseline = q.raw().get();
                long d = System.nanoTime() - t;
                raw.add(d);
                allRaw.add(d);
            }
            boolean same = answer.equals(baseline);
            mismatches += same ? 0 : 1;
            out.printf("%-28s %10.2f %10.2f %12.1f %12.1f %6s%n", q.name(), own.percentileMillis(50),
                    own.percentileMillis(99), raw.percentileMillis(50), raw.percentileMillis(99),
                    same ? "yes" : "NO");
            if (!same) {
                out.printf("  roll-ups: %s%n  raw:      %s%n", head(answer), head(baseline));
            }
        }
        double p99 = all.percentileMillis(99);
        double rawP99 = allRaw.percentileMillis(99);
        out.printf("%-28s %10.2f %10.2f %12.1f %12.1f %6s%n", "all questions", all.percentileMillis(50), p99,
                allRaw.percentileMillis(50), rawP99, mismatches == 0 ? "yes" : mismatches + " NO");
        out.printf("targets: p99 <= %.0f ms %s, ingest >= %.0f/s %s%n", TARGET_P99_MS, p99 <= TARGET_P99_MS ? "met"
                : "MISSED", TARGET_INGEST, ingest >= TARGET_INGEST ? "met" : "MISSED");
        return new Result(size, ingest, p99, rawP99, mismatches);
    }

    private StoreConfig config(BenchSchemas schemas, Path folder) throws java.sql.SQLException {
        if (schemas == null) {
            return StoreConfig.embedded(folder);
        }
        Map<String, String> env = schemas.fresh("analytics");
        return new StoreConfig(env.get("IBEX_JDBC_URL"), env.get("IBEX_JDBC_USER"), env.get("IBEX_JDBC_PASSWORD"));
    }

    private static double cpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static String head(List<String> lines) {
        return lines.size() <= 6 ? lines.toString() : lines.subList(0, 6) + " ... (" + lines.size() + " lines)";
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

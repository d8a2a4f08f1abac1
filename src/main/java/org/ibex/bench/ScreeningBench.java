package org.ibex.bench;

import org.ibex.names.NameMatcher;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;
import org.ibex.watchlist.WatchlistInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code ibex bench screening}: real lists imported in memory, every listed person queried in the forms an
 * officer meets ({@link ListedVariations}: MRZ form, swapped, one typo, original script, each listed birth date),
 * and every traveller of a population with his birth date, nationality and sex. A listed person is found when his
 * entry alerts; a traveller is alerted when any entry of the real lists alerts (namesakes shown without alerting
 * do not count). The index may be padded with synthetic persons (as {@code bench watchlist} makes them) to time it
 * at scale. Baseline in the same run: the brute-force scan with the same scorer on a sample.
 */
@Command(name = "screening", mixinStandardHelpOptions = true,
        description = "Listed persons found and ordinary travellers alerted on real lists, with latency.")
public final class ScreeningBench implements Callable<Integer> {
    @Option(names = "--list", required = true, arity = "1..*", paramLabel = "FILE")
    public List<Path> lists;
    @Option(names = "--population", required = true, paramLabel = "FILE", description = "batch CSV of ordinary travellers")
    public Path population;
    @Option(names = "--pad-to", defaultValue = "0", description = "pad the index with synthetic persons up to this many")
    public int padTo;
    @Option(names = "--threshold", description = "threshold percent for every list (default: the matcher's)")
    public Integer threshold;
    @Option(names = "--list-threshold", paramLabel = "ID=PERCENT",
            description = "a list's own threshold (the list id is the file name without extension), e.g. from calibrate")
    public Map<String, Integer> listThresholds = new java.util.HashMap<>();
    @Option(names = "--brute-queries", defaultValue = "200", description = "queries of each kind for the brute-force baseline")
    public int bruteQueries;
    @Option(names = "--threads", defaultValue = "2")
    public int threads;
    @Option(names = "--names", paramLabel = "DIR", description = "folder of wd_<script>_80.tsv (default ../shared/data/names)")
    public Path names;
    @Option(names = "--seed", defaultValue = "11")
    public long seed;
    @Option(names = "--misses", defaultValue = "0", description = "print this many missed variations and alerted travellers")
    public int misses;

    @Override
    public Integer call() throws Exception {
        Map<String, List<PersonEntry>> byList = BenchLists.load(lists);
        List<ScreeningQuery> travellers = BenchLists.population(population);
        NameMatcher matcher = new NameMatcher();
        int percent = threshold != null ? threshold : (int) Math.round(matcher.threshold() * 100);
        ScreeningIndex index = new ScreeningIndex(matcher, Clock.systemUTC());
        List<PersonEntry> listed = new ArrayList<>();
        for (Map.Entry<String, List<PersonEntry>> list : byList.entrySet()) {
            int own = listThresholds.getOrDefault(list.getKey(), percent);
            System.out.printf("list %s: threshold %d%%%n", list.getKey(), own);
            index.replaceList(new WatchlistInfo(list.getKey(), list.getKey(), "bench", "none", own), list.getValue(),
                    List.of());
            listed.addAll(list.getValue());
        }
        int padded = Math.max(0, padTo - listed.size());
        if (padded > 0) {
            Map<String, List<BenchNames.Pair>> pairs = BenchNames.load(names == null ? BenchNames.sharedFolder() : names);
            Random random = new Random(seed);
            List<String> scripts = new ArrayList<>(pairs.keySet());
            List<PersonEntry> pad = new ArrayList<>(padded);
            for (int i = 0; i < padded; i++) {
                pad.add(BenchPerson.random(pairs, scripts, random).entry("pad", "P" + i));
            }
            long t0 = System.nanoTime();
            index.replaceList(new WatchlistInfo("pad", "pad", "bench", "none", percent), pad, List.of());
            System.out.printf("padded with %d synthetic persons in %.1f s%n", padded, (System.nanoTime() - t0) / 1e9);
        }
        List<ListedVariations.Variation> variations = ListedVariations.of(listed, seed);
        System.out.printf("%d listed persons, %d variations; %d travellers; index of %d persons; threshold %d%%%n",
                listed.size(), variations.size(), travellers.size(), index.personCount(), percent);

        Result indexed = run("index", variations, travellers, q -> index.screen(q, 10));
        List<ListedVariations.Variation> sampleV = sample(variations, bruteQueries);
        List<ScreeningQuery> sampleT = travellers.subList(0, Math.min(bruteQueries, travellers.size()));
        Result brute = run("brute force", sampleV, sampleT, q -> index.screenBruteForce(q, 10));
        Result indexSample = run("index, same", sampleV, sampleT, q -> index.screen(q, 10));

        System.out.printf("%-24s %9s %9s %8s %8s %11s %10s%n", "", "found", "alerted", "p50 ms", "p99 ms", "hits/alert",
                "namesakes");
        for (Result r : List.of(indexed, indexSample, brute)) {
            System.out.printf(Locale.ROOT, "%-24s %8.2f%% %8.2f%% %8.2f %8.2f %11.2f %10d%n",
                    r.label + " (" + r.queries + ")", 100 * r.found, 100 * r.alerted, r.p50, r.p99, r.hitsPerAlert,
                    r.namesakes);
        }
        System.out.print("found by form:");
        indexed.byForm.forEach((form, share) -> System.out.printf(Locale.ROOT, " %s %.2f%%", form, 100 * share));
        System.out.println();
        System.out.printf(Locale.ROOT, "SUMMARY listed-found=%.2f%% ordinary-alerted=%.2f%% p50=%.2fms p99=%.2fms entries=%d"
                        + " brute-found=%.2f%% brute-alerted=%.2f%% brute-p50=%.2fms (targets: found>=99%%, alerted<=1%%,"
                        + " p99<=10ms at 1M)%n", 100 * indexed.found, 100 * indexed.alerted, indexed.p50, indexed.p99,
                index.personCount(), 100 * brute.found, 100 * brute.alerted, brute.p50);
        return 0;
    }

    private static <T> List<T> sample(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    private record Result(String label, int queries, double found, double alerted, double p50, double p99,
                          double hitsPerAlert, int namesakes, Map<ListedVariations.Form, Double> byForm) {
    }

    private Result run(String label, List<ListedVariations.Variation> variations, List<ScreeningQuery> travellers,
                       Function<ScreeningQuery, List<WatchlistHit>> screen) throws Exception {
        int total = variations.size() + travellers.size();
        AtomicInteger found = new AtomicInteger();
        AtomicInteger alerted = new AtomicInteger();
        AtomicInteger alertHits = new AtomicInteger();
        AtomicInteger namesakes = new AtomicInteger();
        Map<ListedVariations.Form, AtomicInteger> formFound = new EnumMap<>(ListedVariations.Form.class);
        Map<ListedVariations.Form, Integer> formTotal = new EnumMap<>(ListedVariations.Form.class);
        for (ListedVariations.Form f : ListedVariations.Form.values()) {
            formFound.put(f, new AtomicInteger());
        }
        variations.forEach(v -> formTotal.merge(v.form(), 1, Integer::sum));
        AtomicInteger printed = new AtomicInteger();
        LoadRun.Result timing = LoadRun.run(label, total, threads, i -> {
            if (i < variations.size()) {
                ListedVariations.Variation v = variations.get(i);
                List<WatchlistHit> hits = screen.apply(v.query());
                boolean hit = hits.stream().anyMatch(h -> h.alerts() && h.listId().equals(v.entry().listId())
                        && h.entryId().equals(v.entry().entryId()));
                if (hit) {
                    found.incrementAndGet();
                    formFound.get(v.form()).incrementAndGet();
                } else if (printed.getAndIncrement() < misses) {
                    System.out.println("missed " + v.form() + " " + v.query() + " of " + v.entry().listId() + "/"
                            + v.entry().entryId() + " " + v.entry().names() + " " + v.entry().datesOfBirth());
                }
            } else {
                ScreeningQuery t = travellers.get(i - variations.size());
                List<WatchlistHit> hits = screen.apply(t);
                namesakes.addAndGet((int) hits.stream().filter(h -> !h.alerts()).count());
                long real = hits.stream().filter(h -> h.alerts() && !h.listId().equals("pad")).count();
                if (real > 0) {
                    alerted.incrementAndGet();
                    alertHits.addAndGet((int) real);
                    if (printed.getAndIncrement() < misses) {
                        WatchlistHit top = hits.stream().filter(WatchlistHit::alerts).findFirst().orElseThrow();
                        System.out.printf(Locale.ROOT, "alerted %s: %.2f %s%n", t, top.score(), top.explanation());
                    }
                }
            }
        });
        Map<ListedVariations.Form, Double> byForm = new EnumMap<>(ListedVariations.Form.class);
        formTotal.forEach((f, n) -> byForm.put(f, (double) formFound.get(f).get() / n));
        return new Result(label, total, (double) found.get() / Math.max(1, variations.size()),
                (double) alerted.get() / Math.max(1, travellers.size()), timing.p50(), timing.p99(),
                (double) alertHits.get() / Math.max(1, alerted.get()), namesakes.get(), byForm);
    }
}

package org.ibex.bench;

import org.ibex.node.Progress;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Screening benchmark: a list of N persons named in their original script (real name pairs from the shared
 * files, combined into surname + given name), queried in Latin as a passport prints them, with the birth date
 * as listed or one digit off, a third of them with one typing error in one part of the name; and as many
 * travellers who are not listed. The index and a brute-force scan with the same scorer are measured in the same
 * run on the same queries.
 */
@Command(name = "watchlist", mixinStandardHelpOptions = true, description = "Benchmark watchlist screening.")
public final class WatchlistBench implements Callable<Integer> {
    @Option(names = "--entries", defaultValue = "1000000")
    public int entries;
    @Option(names = "--queries", defaultValue = "10000", description = "listed and, as many, non-listed queries")
    public int queries;
    @Option(names = "--brute-queries", defaultValue = "200", description = "queries of each kind for the brute-force scan")
    public int bruteQueries;
    @Option(names = "--threads", defaultValue = "2")
    public int threads;
    @Option(names = "--names", paramLabel = "DIR", description = "folder of wd_<script>_80.tsv (default ../shared/data/names)")
    public Path names;
    @Option(names = "--seed", defaultValue = "2026")
    public long seed;

    private record Query(ScreeningQuery query, String expectedEntry, boolean dateAsListed, boolean typo) {
    }

    @Override
    public Integer call() throws Exception {
        Map<String, List<BenchNames.Pair>> pairs = BenchNames.load(names == null ? BenchNames.sharedFolder() : names);
        Random random = new Random(seed);
        List<String> scripts = new ArrayList<>(pairs.keySet());
        Set<String> used = new HashSet<>();
        List<BenchPerson> listed = new ArrayList<>(entries);
        while (listed.size() < entries) {
            BenchPerson p = BenchPerson.random(pairs, scripts, random);
            if (used.add(p.original())) {
                listed.add(p);
            }
        }
        NameMatcher matcher = new NameMatcher();
        ScreeningIndex index = new ScreeningIndex(matcher, Clock.systemUTC());
        List<PersonEntry> list = new ArrayList<>(entries);
        for (int i = 0; i < listed.size(); i++) {
            BenchPerson p = listed.get(i);
            list.add(p.entry("bench", "E" + i));
        }
        long heapBefore = LoadRun.usedHeap();
        long t0 = System.nanoTime();
        Progress building = new Progress("index", 1);
        index.replaceList(new WatchlistInfo("bench", "bench", "bench", "none", (int) Math.round(matcher.threshold() * 100)),
                list, List.of());
        building.advance(1);
        building.done();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("index of %d entries built in %.1f s, about %d MB of heap%n", entries, buildSeconds,
                (LoadRun.usedHeap() - heapBefore) >> 20);

        List<Query> positives = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            int e = random.nextInt(listed.size());
            BenchPerson p = listed.get(e);
            boolean asListed = random.nextBoolean();
            LocalDate birth = asListed ? p.birth() : oneDigitOff(p.birth(), random);
            boolean typo = random.nextInt(3) == 0;
            String name = typo ? oneTypo(p.latin(), random) : p.latin();
            positives.add(new Query(new ScreeningQuery(name, birth, null, null, null, null), "E" + e, asListed, typo));
        }
        List<Query> negatives = new ArrayList<>();
        while (negatives.size() < queries) {
            BenchPerson p = BenchPerson.random(pairs, scripts, random);
            if (!used.contains(p.original())) {
                negatives.add(new Query(new ScreeningQuery(p.latin(), p.birth(), null, null, null, null), null, true,
                        false));
            }
        }
        Run indexed = measure("index", positives, negatives, q -> index.screen(q, 10));
        List<Query> bruteP = positives.subList(0, Math.min(bruteQueries, positives.size()));
        List<Query> bruteN = negatives.subList(0, Math.min(bruteQueries, negatives.size()));
        Run brute = measure("brute force", bruteP, bruteN, q -> index.screenBruteForce(q, 10));
        Run indexedSame = measure("index, same", bruteP, bruteN, q -> index.screen(q, 10));
        System.out.printf("%-26s %8s %8s %10s %8s %12s%n", "", "p50 ms", "p99 ms", "queries/s", "recall", "alerted");
        for (Run run : List.of(indexed, indexedSame, brute)) {
            System.out.printf("%-26s %8.2f %8.2f %10.0f %7.1f%% %11.2f%%%n", run.label + " (" + run.count + ")", run.p50,
                    run.p99, run.perSecond, run.recall * 100, run.alerted * 100);
        }
        System.out.printf("recall of the index by birth date: as listed %.1f%%, one digit off %.1f%%; by name: as"
                        + " printed %.1f%%, one typo %.1f%% (the brute-force queries: index %.1f%%, brute force %.1f%%)%n",
                indexed.recallAsListed * 100, indexed.recallOneDigitOff * 100, indexed.recallNoTypo * 100,
                indexed.recallTypo * 100, indexedSame.recallTypo * 100, brute.recallTypo * 100);
        System.out.printf("speed-up index vs brute force (same %d queries): p50 %.0fx, throughput %.0fx; recall %.1f vs %.1f%n",
                bruteP.size() + bruteN.size(), brute.p50 / indexedSame.p50, indexedSame.perSecond / brute.perSecond,
                indexedSame.recall * 100, brute.recall * 100);
        System.out.printf("SUMMARY entries=%d p99=%.2fms recall=%.1f%% typo-recall=%.1f%% alerted=%.2f%% speedup=%.0fx"
                        + " (targets: p99<=10ms, recall>=95%%, alerted<=1%%, >=100x)%n", entries, indexed.p99,
                indexed.recall * 100, indexed.recallTypo * 100, indexed.alerted * 100, brute.p50 / indexedSame.p50);
        return 0;
    }

    private record Run(String label, int count, double p50, double p99, double perSecond, double recall, double alerted,
                       double recallAsListed, double recallOneDigitOff, double recallNoTypo, double recallTypo) {
    }

    private Run measure(String label, List<Query> positives, List<Query> negatives,
                        Function<ScreeningQuery, List<WatchlistHit>> screen) throws Exception {
        List<Query> all = new ArrayList<>(positives);
        all.addAll(negatives);
        AtomicInteger found = new AtomicInteger();
        AtomicInteger foundAsListed = new AtomicInteger();
        AtomicInteger foundTypo = new AtomicInteger();
        AtomicInteger alerted = new AtomicInteger();
        LoadRun.Result run = LoadRun.run(label, all.size(), threads, i -> {
            Query q = all.get(i);
            List<WatchlistHit> hits = screen.apply(q.query());
            if (q.expectedEntry() != null) {
                if (hits.stream().anyMatch(h -> h.entryId().equals(q.expectedEntry()))) {
                    found.incrementAndGet();
                    if (q.dateAsListed()) {
                        foundAsListed.incrementAndGet();
                    }
                    if (q.typo()) {
                        foundTypo.incrementAndGet();
                    }
                }
            } else if (!hits.isEmpty()) {
                alerted.incrementAndGet();
            }
        });
        long asListed = positives.stream().filter(Query::dateAsListed).count();
        long oneDigitOff = positives.size() - asListed;
        long typos = positives.stream().filter(Query::typo).count();
        return new Run(label, all.size(), run.p50(), run.p99(), run.perSecond(),
                (double) found.get() / Math.max(1, positives.size()), (double) alerted.get() / Math.max(1, negatives.size()),
                (double) foundAsListed.get() / Math.max(1, asListed),
                (double) (found.get() - foundAsListed.get()) / Math.max(1, oneDigitOff),
                (double) (found.get() - foundTypo.get()) / Math.max(1, positives.size() - typos),
                (double) foundTypo.get() / Math.max(1, typos));
    }

    /** One letter of one part of a Latin name substituted, inserted or deleted: a typing error at the desk. */
    public static String oneTypo(String name, Random random) {
        String[] parts = name.split(" ");
        int p = random.nextInt(parts.length);
        StringBuilder part = new StringBuilder(parts[p]);
        if (part.length() < 2) {
            return name;
        }
        int at = random.nextInt(part.length());
        char letter = (char) ('A' + random.nextInt(26));
        switch (random.nextInt(3)) {
            case 0 -> part.setCharAt(at, letter == part.charAt(at) ? (letter == 'Z' ? 'A' : (char) (letter + 1)) : letter);
            case 1 -> part.insert(at, letter);
            default -> part.deleteCharAt(at);
        }
        parts[p] = part.toString();
        return String.join(" ", parts);
    }

    /** A typing or reading error in one digit of yyyyMMdd that still gives a real date. */
    public static LocalDate oneDigitOff(LocalDate date, Random random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            char[] digits = date.toString().replace("-", "").toCharArray();
            int position = 2 + random.nextInt(6);
            char replacement = (char) ('0' + random.nextInt(10));
            if (replacement == digits[position]) {
                continue;
            }
            digits[position] = replacement;
            String text = new String(digits);
            try {
                return LocalDate.parse(text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6));
            } catch (java.time.format.DateTimeParseException e) {
                // not a real date: try another digit
            }
        }
        return date.plusDays(1);
    }
}

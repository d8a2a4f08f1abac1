package org.ibex.bench;

import org.ibex.names.ReadingTable;
import org.ibex.names.ReadingUnits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One estimate of P(latin | unit) during {@link ReadingTrainer}'s iterations, from expected counts:
 * a unit's own counts, smoothed towards the counts of all units sharing its ICU reading, which are
 * smoothed towards a prior of 10^-(edit distance to the reading). Not normalised over all strings,
 * which expectation maximisation does not need; {@link #table} normalises what it keeps.
 */
public final class ReadingModel {
    private final Map<String, Map<String, Double>> unitCounts;
    private final Map<String, Map<String, Double>> readingCounts;
    private final Map<String, Double> unitTotals = new HashMap<>();
    private final Map<String, Double> readingTotals = new HashMap<>();

    public ReadingModel(Map<String, Map<String, Double>> unitCounts, Map<String, Map<String, Double>> readingCounts) {
        this.unitCounts = unitCounts;
        this.readingCounts = readingCounts;
        unitCounts.forEach((u, c) -> unitTotals.put(u, sum(c)));
        readingCounts.forEach((r, c) -> readingTotals.put(r, sum(c)));
    }

    public double emission(String unit, String reading, String latin) {
        double own = count(unitCounts, unit, latin);
        double total = unitTotals.getOrDefault(unit, 0.0);
        String general = ReadingUnits.withoutContext(unit);
        double backoff = general.equals(unit) ? byReading(reading, latin) : emission(general, reading, latin);
        return (own + ReadingTrainer.UNIT_SMOOTHING * backoff) / (total + ReadingTrainer.UNIT_SMOOTHING);
    }

    public double byReading(String reading, String latin) {
        double own = count(readingCounts, reading, latin);
        double total = readingTotals.getOrDefault(reading, 0.0);
        return (own + ReadingTrainer.READING_SMOOTHING * prior(reading, latin)) / (total + ReadingTrainer.READING_SMOOTHING);
    }

    public static double prior(String reading, String latin) {
        return Math.pow(10, -levenshtein(reading, latin));
    }

    /** Rows for units and readings seen at least minCount times: their top realisations above the floor. */
    public ReadingTable table(Map<String, String> readingOf, int top, double floor, double minCount) {
        Map<String, ReadingTable.Reading[]> rows = new HashMap<>();
        readingTotals.forEach((r, n) -> {
            if (n >= minCount) rows.put(r, best(readingCounts.get(r).keySet(), r, s -> byReading(r, s), top, floor));
        });
        unitTotals.forEach((u, n) -> {
            String r = readingOf.get(u);
            if (n < minCount || r == null) return;
            Set<String> candidates = new LinkedHashSet<>(unitCounts.get(u).keySet());
            candidates.addAll(readingCounts.getOrDefault(r, Map.of()).keySet());
            rows.put(u, best(candidates, r, s -> emission(u, r, s), top, floor));
        });
        // A final-position row that spells like its unit's own row would only repeat it.
        rows.keySet().removeIf(u -> !u.equals(ReadingUnits.withoutContext(u)) && rows.containsKey(ReadingUnits.withoutContext(u))
                && spellings(rows.get(u)).equals(spellings(rows.get(ReadingUnits.withoutContext(u)))));
        return new ReadingTable(rows);
    }

    private static List<String> spellings(ReadingTable.Reading[] row) {
        return java.util.Arrays.stream(row).map(ReadingTable.Reading::latin).toList();
    }

    private static ReadingTable.Reading[] best(Set<String> candidates, String reading,
                                               java.util.function.ToDoubleFunction<String> p, int top, double floor) {
        Set<String> all = new LinkedHashSet<>(candidates);
        all.add(reading);
        List<ReadingTable.Reading> scored = new ArrayList<>();
        double total = 0;
        for (String s : all) total += p.applyAsDouble(s);
        for (String s : all) scored.add(new ReadingTable.Reading(s, (float) Math.log(p.applyAsDouble(s) / total)));
        scored.sort(Comparator.comparingDouble((ReadingTable.Reading x) -> -x.logprob()).thenComparing(ReadingTable.Reading::latin));
        List<ReadingTable.Reading> kept = new ArrayList<>();
        for (ReadingTable.Reading x : scored) {
            if (kept.isEmpty() || (kept.size() < top && x.logprob() >= Math.log(floor))) kept.add(x);
        }
        return kept.toArray(ReadingTable.Reading[]::new);
    }

    private static double count(Map<String, Map<String, Double>> counts, String key, String latin) {
        Map<String, Double> c = counts.get(key);
        return c == null ? 0 : c.getOrDefault(latin, 0.0);
    }

    private static double sum(Map<String, Double> c) {
        double s = 0;
        for (double v : c.values()) s += v;
        return s;
    }

    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

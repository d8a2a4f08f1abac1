package org.ibex.bench;

import org.ibex.biometrics.Candidate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What each probe of the identification benchmark found, and the report printed from it. */
public final class IdentifyRuns {
    /** SourceAFIS's own threshold for a 0.01% false match rate: mates above it are the ones that should be found. */
    private static final double CONFIDENT = 40;
    private final boolean[] indexFirst;
    private final boolean[] listed;
    private final double[] mateScores;
    private boolean[] bruteFirst = new boolean[0];

    public IdentifyRuns(int probes) {
        indexFirst = new boolean[probes];
        listed = new boolean[probes];
        mateScores = new double[probes];
    }

    public synchronized void recordIndex(int probe, long mate, List<Candidate> found) {
        indexFirst[probe] = !found.isEmpty() && found.get(0).id() == mate;
        listed[probe] = found.stream().anyMatch(c -> c.id() == mate);
    }

    public synchronized void recordBrute(int k, boolean first) {
        if (bruteFirst.length <= k) {
            bruteFirst = java.util.Arrays.copyOf(bruteFirst, Math.max(k + 1, bruteFirst.length * 2));
        }
        bruteFirst[k] = first;
    }

    public synchronized void recordMateScore(int probe, double score) {
        mateScores[probe] = score;
    }

    public void print(int gallery, int shortList, LoadRun.Result indexed, LoadRun.Result brute, int[] subset) {
        int probes = indexFirst.length;
        double indexRank1 = share(indexFirst, null);
        double indexSubset = share(indexFirst, subset);
        double bruteRank1 = subset.length == 0 ? Double.NaN : share(bruteFirst, identity(subset.length));
        int confident = 0;
        int confidentListed = 0;
        int listedCount = 0;
        for (int i = 0; i < probes; i++) {
            listedCount += listed[i] ? 1 : 0;
            if (mateScores[i] >= CONFIDENT) {
                confident++;
                confidentListed += listed[i] ? 1 : 0;
            }
        }
        double indexRate = gallery * indexed.perSecond();
        double bruteRate = gallery * brute.perSecond();
        System.out.printf("%-36s %6s %8s %8s %8s %18s %7s%n", "", "probes", "p50 ms", "p99 ms", "mean ms",
                "gallery-fingers/s", "rank-1");
        row("index, short list " + shortList, probes, indexed, indexRate, indexRank1);
        System.out.printf("%-36s %6d %8s %8s %8s %18s %6.1f%%%n", "index, brute-force probes", subset.length, "", "",
                "", "", indexSubset * 100);
        row("brute-force SourceAFIS", subset.length, brute, bruteRate, bruteRank1);
        System.out.printf("short list holds the mate for %.1f%% of all %d probes, %.1f%% of the %d whose mate scores >= %.0f%n",
                100.0 * listedCount / probes, probes, 100.0 * confidentListed / Math.max(1, confident), confident, CONFIDENT);
        double loss = (bruteRank1 - indexSubset) * 100;
        System.out.printf("SUMMARY gallery=%d fingers/s=%.0f brute-fingers/s=%.0f speedup=%.0fx rank1=%.1f%% "
                        + "rank1-on-brute-probes=%.1f%% brute-rank1=%.1f%% loss=%.1f points p99=%.1fms (targets: >=1000000/s,"
                        + " loss<=1 point)%n", gallery, indexRate, bruteRate, indexRate / bruteRate, indexRank1 * 100,
                indexSubset * 100, bruteRank1 * 100, loss, indexed.p99());
        System.out.printf("README | %d | %,.0f | %,.0f | %.0fx | %.1f%% (%d probes) | %.1f%% vs %.1f%% (%d probes) | %.1f / %.1f ms |%n",
                gallery, indexRate, bruteRate, indexRate / bruteRate, indexRank1 * 100, probes, indexSubset * 100,
                bruteRank1 * 100, subset.length, indexed.p50(), indexed.p99());
    }

    /** Mean, 99th percentile and maximum of some scores. */
    public static String describe(List<Double> scores) {
        if (scores.isEmpty()) {
            return "none";
        }
        List<Double> sorted = new ArrayList<>(scores);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return String.format("mean %.1f, p99 %.1f, max %.1f", mean, sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static void row(String label, int count, LoadRun.Result run, double rate, double rank1) {
        System.out.printf("%-36s %6d %8.2f %8.2f %8.2f %18.0f %6.1f%%%n", label, count, run.p50(), run.p99(),
                1000 / run.perSecond(), rate, rank1 * 100);
    }

    private static double share(boolean[] values, int[] subset) {
        int[] which = subset != null ? subset : identity(values.length);
        if (which.length == 0) {
            return Double.NaN;
        }
        int hits = 0;
        for (int i : which) {
            hits += values[i] ? 1 : 0;
        }
        return (double) hits / which.length;
    }

    private static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}

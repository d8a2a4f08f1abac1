package org.ibex.bench;

import org.ibex.biometrics.ErrorRates;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.stream.DoubleStream;

/** The fingerprint benchmark's tables: single finger per database and pooled, two-finger fusion, thresholds. */
public final class FingerprintReport {
    /** SourceAFIS documents a score of 40 as about FMR 1e-4: shown beside the measured thresholds. */
    private static final double SOURCEAFIS_THRESHOLD = 40;

    private FingerprintReport() {
    }

    public static void print(List<String> names, List<FvcScores> scores, PrintStream out) {
        ErrorRates pooled = singleFinger(names, scores, out);
        String thresholds = String.format("thresholds (pooled impostors, rounded up): 1 finger FMR 1e-3 %.4f, FMR 1e-4 %.4f",
                up(pooled.thresholdAt(1e-3)), up(pooled.thresholdAt(1e-4)));
        out.println();
        if (scores.stream().anyMatch(s -> s.consecutivePairs().size() < 2)) {
            out.println("two-finger fusion: skipped, it needs at least 4 fingers in every database"
                    + " (two subjects with no finger in common)");
        } else {
            ErrorRates fused = twoFingers(scores, pooled, out);
            thresholds += String.format("; 2 fingers (sum, all pairs) FMR 1e-3 %.4f, FMR 1e-4 %.4f",
                    up(fused.thresholdAt(1e-3)), up(fused.thresholdAt(1e-4)));
        }
        out.println();
        out.println(thresholds);
        out.printf("FNMR@1e-4=%.4f%n", pooled.fnmrAt(1e-4));
    }

    private static ErrorRates singleFinger(List<String> names, List<FvcScores> scores, PrintStream out) {
        out.println();
        out.println("single finger: genuine = same database and finger, impressions i<j (28 per finger);"
                + " impostor = same database, different fingers, every impression pair (64 per finger pair); each pair scored once");
        ErrorRates pooled = ErrorRates.of(concat(scores, FvcScores::genuine), concat(scores, FvcScores::impostor));
        double pooledThreshold = pooled.thresholdAt(1e-4);
        header(out, "database", "FNMR@pooled1e-4");
        for (int d = 0; d < names.size(); d++) {
            ErrorRates rates = ErrorRates.of(scores.get(d).genuine(), scores.get(d).impostor());
            row(out, names.get(d), rates, percent(rates.fnmrAtThreshold(pooledThreshold)));
        }
        row(out, "pooled", pooled, percent(pooled.fnmrAt(1e-4)));
        int perDatabase = scores.get(0).impostor().length;
        out.printf("  * FMR below 1/impostors cannot be observed: with %d impostor pairs per database the lowest non-zero FMR"
                        + " is %.1e, so a starred figure is at the threshold just above the highest impostor (observed FMR 0)."
                        + " Pooled: %d impostor pairs, so FMR 1e-4 allows %d false match(es): a coarse estimate, not a tight one.%n",
                perDatabase, 1.0 / perDatabase, pooled.impostorCount(), (int) Math.floor(1e-4 * pooled.impostorCount() + 1e-9));
        out.printf("  FNMR@pooled1e-4: each database at the pooled threshold %.2f (one threshold for all, as in operation).%n",
                pooledThreshold);
        double fmr40 = fmrAt(scores, SOURCEAFIS_THRESHOLD);
        out.printf("  SourceAFIS's documented threshold 40: FNMR %s, observed FMR %.1e (%d of %d impostor pairs)%n",
                percent(pooled.fnmrAtThreshold(SOURCEAFIS_THRESHOLD)), fmr40, Math.round(fmr40 * pooled.impostorCount()),
                pooled.impostorCount());
        return pooled;
    }

    /** Prints the fusion table; returns the sum rule over all pairings, whose impostors set the 2-finger thresholds. */
    private static ErrorRates twoFingers(List<FvcScores> scores, ErrorRates single, PrintStream out) {
        out.println("two-finger fusion on chimeric subjects (per database; subject (a,b) at impression i = impression i of"
                + " finger a with impression i of finger b; genuine = same subject, impressions i<j; impostor = two subjects"
                + " with no finger in common, every impression pair, a compared with a' and b with b'):");
        header(out, "pairing / rule", "");
        ErrorRates consecutiveSum = null;
        ErrorRates allSum = null;
        for (String rule : List.of("sum", "max")) {
            DoubleBinaryOperator fusion = rule.equals("sum") ? Double::sum : Math::max;
            ErrorRates consecutive = chimeras(scores, s -> s.chimeras(s.consecutivePairs(), fusion));
            ErrorRates all = chimeras(scores, s -> s.chimeras(s.allPairs(), fusion));
            row(out, "1+2,3+4,... " + rule, consecutive, "");
            row(out, "all pairs " + rule, all, "");
            if (rule.equals("sum")) {
                consecutiveSum = consecutive;
                allSum = all;
            }
        }
        out.println("  '1+2,3+4,...': fingers paired in file order (101+102, 103+104, ..., 109+110), each finger in one"
                + " subject: independent scores, but few impostor pairs. 'all pairs': every two fingers of a database form a"
                + " subject (45 from 10 fingers): 63x the impostor pairs, built from the same single-finger scores reused, so"
                + " they are correlated and the figure is less certain than the count suggests.");
        out.printf("  fused (sum) FNMR@1e-4: %s with all pairs, %s with 1+2,3+4,... (target <= 5%%); single finger %s%n",
                percent(allSum.fnmrAt(1e-4)), percent(consecutiveSum.fnmrAt(1e-4)), percent(single.fnmrAt(1e-4)));
        return allSum;
    }

    private static void header(PrintStream out, String first, String extra) {
        out.printf("  %-16s %8s %9s %10s %10s %10s %10s %s%n", first, "genuine", "impostor", "FNMR@1e-3", "FNMR@1e-4",
                "FNMR@FMR0", "thr@1e-4", extra);
    }

    private static void row(PrintStream out, String name, ErrorRates rates, String extra) {
        out.printf("  %-16s %8d %9d %10s %10s %10s %10.2f %s%n", name, rates.genuineCount(), rates.impostorCount(),
                starred(rates, 1e-3), starred(rates, 1e-4), percent(rates.fnmrAtZeroFmr()), rates.thresholdAt(1e-4), extra);
    }

    private static String starred(ErrorRates rates, double fmr) {
        return percent(rates.fnmrAt(fmr)) + (rates.resolves(fmr) ? " " : "*");
    }

    /** Rounded up so that a threshold copied from the printout still rejects the impostor just below it. */
    private static double up(double threshold) {
        return Math.ceil(threshold * 1e4) / 1e4;
    }

    private static String percent(double share) {
        return String.format("%.2f%%", share * 100);
    }

    private static ErrorRates chimeras(List<FvcScores> scores, Function<FvcScores, double[][]> build) {
        List<double[][]> sets = scores.stream().map(build).toList();
        return ErrorRates.of(sets.stream().flatMapToDouble(s -> Arrays.stream(s[0])).toArray(),
                sets.stream().flatMapToDouble(s -> Arrays.stream(s[1])).toArray());
    }

    private static double[] concat(List<FvcScores> scores, Function<FvcScores, double[]> part) {
        return scores.stream().flatMapToDouble(s -> DoubleStream.of(part.apply(s))).toArray();
    }

    private static double fmrAt(List<FvcScores> scores, double threshold) {
        double[] impostor = concat(scores, FvcScores::impostor);
        return (double) Arrays.stream(impostor).filter(s -> s >= threshold).count() / impostor.length;
    }
}

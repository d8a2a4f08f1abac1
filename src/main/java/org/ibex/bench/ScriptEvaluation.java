package org.ibex.bench;

import org.ibex.names.JaroWinkler;
import org.ibex.names.NameKey;
import org.ibex.names.NameMatcher;
import org.ibex.names.NamePairs;
import org.ibex.names.Transliteration;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Evaluates one script's pairs for {@link NameBenchmark}: matcher and baseline side by side. */
final class ScriptEvaluation {
    static final double TARGET_FAR = 0.01;

    private ScriptEvaluation() {
    }

    static BenchmarkReport.ScriptFigures evaluate(String script, List<NamePairs.Pair> pairs, NameMatcher m, Random random) {
        int n = pairs.size();
        NameKey[] latin = new NameKey[n];
        NameKey[] orig = new NameKey[n];
        String[] latinFold = new String[n];
        String[] origFold = new String[n];
        for (int i = 0; i < n; i++) {
            latin[i] = m.key(pairs.get(i).latin());
            orig[i] = m.key(pairs.get(i).original());
            latinFold[i] = Transliteration.toLatin(pairs.get(i).latin());
            origFold[i] = Transliteration.toLatin(pairs.get(i).original());
        }
        int[] randomNeg = new int[n];
        int[] hardNeg = new int[n];
        for (int i = 0; i < n; i++) {
            randomNeg[i] = other(i, pairs, random);
            int best = randomNeg[i];
            double bestJw = -1;
            for (int k = 0; k < NameBenchmark.HARD_CANDIDATES; k++) {
                int j = other(i, pairs, random);
                double jw = JaroWinkler.similarity(origFold[i], latinFold[j]);
                if (jw > bestJw) {
                    bestJw = jw;
                    best = j;
                }
            }
            hardNeg[i] = best;
        }
        double[] pos = new double[n];
        double[] neg = new double[n];
        double[] hard = new double[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            pos[i] = m.score(latin[i], orig[i]).score();
            neg[i] = m.score(latin[randomNeg[i]], orig[i]).score();
            hard[i] = m.score(latin[hardNeg[i]], orig[i]).score();
        }
        double pairsPerSecond = 3.0 * n / ((System.nanoTime() - start) / 1e9);
        double[] bPos = new double[n];
        double[] bNeg = new double[n];
        double[] bHard = new double[n];
        for (int i = 0; i < n; i++) {
            bPos[i] = BaselineMatcher.score(latinFold[i], origFold[i]);
            bNeg[i] = BaselineMatcher.score(latinFold[randomNeg[i]], origFold[i]);
            bHard[i] = BaselineMatcher.score(latinFold[hardNeg[i]], origFold[i]);
        }
        double bt = thresholdFor(bNeg);
        double t = m.threshold();
        int blocked = 0;
        int matches = 0;
        int blockedMatches = 0;
        for (int i = 0; i < n; i++) {
            Set<String> a = m.blockingKeys(latin[i]);
            boolean shared = m.blockingKeys(orig[i]).stream().anyMatch(a::contains);
            if (shared) blocked++;
            if (pos[i] >= t) {
                matches++;
                if (shared) blockedMatches++;
            }
        }
        return new BenchmarkReport.ScriptFigures(script, n, share(pos, t), share(neg, t), share(hard, t),
                share(bPos, bt), share(bNeg, bt), share(bHard, bt), bt, share(pos, thresholdFor(neg)),
                (double) blocked / n, matches == 0 ? 0 : (double) blockedMatches / matches, pairsPerSecond);
    }

    /** An index whose Latin name differs from pair i's, so the pair is a true non-match. */
    private static int other(int i, List<NamePairs.Pair> pairs, Random random) {
        for (int tries = 0; tries < 20; tries++) {
            int j = random.nextInt(pairs.size());
            if (!pairs.get(j).latin().equals(pairs.get(i).latin())) return j;
        }
        return (i + 1) % pairs.size();
    }

    /** The lowest threshold at which at most 1% of negatives pass. */
    static double thresholdFor(double[] negatives) {
        double[] s = negatives.clone();
        Arrays.sort(s);
        int allowed = (int) Math.floor(s.length * TARGET_FAR);
        return Math.nextUp(s[s.length - 1 - allowed]);
    }

    static double share(double[] scores, double threshold) {
        int k = 0;
        for (double s : scores) if (s >= threshold) k++;
        return (double) k / scores.length;
    }
}

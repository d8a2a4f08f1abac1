package org.ibex.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * All comparison scores inside one FVC database, and the genuine and impostor sets the benchmark reads from them.
 * Image k is impression {@code k % impressions} of the {@code k / impressions}-th finger. Each pair is scored once
 * (probe = the earlier image): SourceAFIS is not exactly symmetric, and scoring both ways would double the pairs
 * without making them independent.
 */
public final class FvcScores {
    private final int fingers;
    private final int impressions;
    private final double[][] scores;

    /** {@code scores[a][b]} for a &lt; b; the rest is ignored. */
    public FvcScores(int fingers, int impressions, double[][] scores) {
        if (scores.length != fingers * impressions) {
            throw new IllegalArgumentException(fingers + " fingers x " + impressions + " impressions need a "
                    + fingers * impressions + "-row matrix, got " + scores.length);
        }
        this.fingers = fingers;
        this.impressions = impressions;
        this.scores = scores;
    }

    /** Same finger, impressions i &lt; j: 28 per finger with 8 impressions. */
    public double[] genuine() {
        List<Double> out = new ArrayList<>();
        for (int f = 0; f < fingers; f++) {
            for (int i = 0; i < impressions; i++) {
                for (int j = i + 1; j < impressions; j++) {
                    out.add(score(f, i, f, j));
                }
            }
        }
        return unbox(out);
    }

    /** Different fingers, every impression of one against every impression of the other: 64 per finger pair. */
    public double[] impostor() {
        List<Double> out = new ArrayList<>();
        for (int f = 0; f < fingers; f++) {
            for (int g = f + 1; g < fingers; g++) {
                for (int i = 0; i < impressions; i++) {
                    for (int j = 0; j < impressions; j++) {
                        out.add(score(f, i, g, j));
                    }
                }
            }
        }
        return unbox(out);
    }

    /**
     * Two-finger chimeric subjects: subject (a, b) at impression i is impression i of finger a with impression i
     * of finger b. Genuine: one subject, impressions i &lt; j, fusing a_i~a_j with b_i~b_j. Impostor: two subjects
     * with no finger in common, every impression pair, fusing first finger with first and second with second.
     */
    public double[][] chimeras(List<int[]> subjects, DoubleBinaryOperator fusion) {
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int s = 0; s < subjects.size(); s++) {
            int[] one = subjects.get(s);
            for (int i = 0; i < impressions; i++) {
                for (int j = i + 1; j < impressions; j++) {
                    genuine.add(fusion.applyAsDouble(score(one[0], i, one[0], j), score(one[1], i, one[1], j)));
                }
            }
            for (int t = s + 1; t < subjects.size(); t++) {
                int[] other = subjects.get(t);
                if (one[0] == other[0] || one[0] == other[1] || one[1] == other[0] || one[1] == other[1]) {
                    continue;
                }
                for (int i = 0; i < impressions; i++) {
                    for (int j = 0; j < impressions; j++) {
                        impostor.add(fusion.applyAsDouble(score(one[0], i, other[0], j), score(one[1], i, other[1], j)));
                    }
                }
            }
        }
        return new double[][] {unbox(genuine), unbox(impostor)};
    }

    /** Fingers 1+2, 3+4, …: each finger in one subject only, so no two subjects share a score. */
    public List<int[]> consecutivePairs() {
        List<int[]> subjects = new ArrayList<>();
        for (int f = 0; f + 1 < fingers; f += 2) {
            subjects.add(new int[] {f, f + 1});
        }
        return subjects;
    }

    /** Every unordered pair of fingers: many more pairs, but each single-finger score is reused in several. */
    public List<int[]> allPairs() {
        List<int[]> subjects = new ArrayList<>();
        for (int f = 0; f < fingers; f++) {
            for (int g = f + 1; g < fingers; g++) {
                subjects.add(new int[] {f, g});
            }
        }
        return subjects;
    }

    private double score(int f, int i, int g, int j) {
        int a = f * impressions + i;
        int b = g * impressions + j;
        return a < b ? scores[a][b] : scores[b][a];
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores two tokenised names: pairs tokens as sets (order differs between lists) by greedy best
 * assignment, weights particles and initials low, penalises parts left over, and also tries both
 * names with all parts joined ("abdul rahman" = "abdulrahman", 张伟 = zhang wei), keeping the better.
 */
final class NameComparer {
    /** Token pairs below this calibrated score are reported as unmatched, not as weak matches. */
    static final double MIN_PART = 0.62;
    static final double PARTICLE_WEIGHT = 0.2;
    static final double INITIAL_WEIGHT = 0.5;
    /** Missing parts (e.g. a second given name absent from one list) cost less than a mismatch. */
    static final double UNMATCHED_PENALTY = 0.3;

    private final TokenComparer tokens;

    NameComparer(TokenComparer tokens) {
        this.tokens = tokens;
    }

    /** The score with the parts paired, the rules that paired them and what was left: for people to read. */
    NameScore score(NameKey a, NameKey b) {
        TokenKey[] ta = a.tokens();
        TokenKey[] tb = b.tokens();
        Assignment assigned = assign(ta, tb);
        if (assigned.joined() != null) {
            PartMatch joined = tokens.describe(assigned.joined()[0], assigned.joined()[1], assigned.score());
            return result(assigned.score(), List.of(joined), List.of(), List.of());
        }
        List<PartMatch> parts = new ArrayList<>();
        for (int[] pair : assigned.pairs()) {
            parts.add(tokens.describe(ta[pair[0]], tb[pair[1]], assigned.matrix()[pair[0]][pair[1]]));
        }
        return result(assigned.score(), parts, texts(ta, assigned.usedA()), texts(tb, assigned.usedB()));
    }

    /**
     * The same score without its explanation: screening scores hundreds of candidates per traveller and
     * explains only the few that become hits, so the labels and texts are not built for the rest.
     */
    double similarity(NameKey a, NameKey b) {
        return assign(a.tokens(), b.tokens()).score();
    }

    /** Token pairs chosen (indices into the two names), or the joined forms when they scored better. */
    private record Assignment(double score, double[][] matrix, List<int[]> pairs, boolean[] usedA, boolean[] usedB,
                              TokenKey[] joined) {
    }

    private Assignment assign(TokenKey[] ta, TokenKey[] tb) {
        boolean[] usedA = new boolean[ta.length];
        boolean[] usedB = new boolean[tb.length];
        if (ta.length == 0 || tb.length == 0) {
            return new Assignment(0, new double[0][0], List.of(), usedA, usedB, null);
        }
        double[][] m = new double[ta.length][tb.length];
        for (int i = 0; i < ta.length; i++) {
            for (int j = 0; j < tb.length; j++) m[i][j] = tokens.similarity(ta[i], tb[j]);
        }
        List<int[]> pairs = new ArrayList<>();
        double num = 0;
        double den = 0;
        double bestAny = 0;
        while (true) {
            int bi = -1;
            int bj = -1;
            double best = -1;
            for (int i = 0; i < ta.length; i++) {
                for (int j = 0; j < tb.length; j++) {
                    if (usedA[i] || usedB[j]) continue;
                    double s = m[i][j] * weight(ta[i], tb[j]);
                    if (s > best) {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) break;
            bestAny = Math.max(bestAny, m[bi][bj]);
            if (m[bi][bj] < MIN_PART) break;
            usedA[bi] = true;
            usedB[bj] = true;
            pairs.add(new int[]{bi, bj});
            double w = weight(ta[bi], tb[bj]);
            num += w * m[bi][bj];
            den += w;
        }
        for (int i = 0; i < ta.length; i++) if (!usedA[i]) den += UNMATCHED_PENALTY * weight(ta[i], ta[i]);
        for (int j = 0; j < tb.length; j++) if (!usedB[j]) den += UNMATCHED_PENALTY * weight(tb[j], tb[j]);
        // Nothing paired: keep a low score that still ranks near-misses above strangers.
        double score = pairs.isEmpty() ? 0.5 * bestAny : num / den;
        // Only when part counts differ: with equal counts, joining would blur a wrong given name into a match.
        if (ta.length != tb.length) {
            TokenKey joinedA = NameParser.joined(List.of(ta));
            TokenKey joinedB = NameParser.joined(List.of(tb));
            double joined = tokens.similarity(joinedA, joinedB);
            if (joined >= MIN_PART && joined > score) {
                return new Assignment(joined, m, List.of(), usedA, usedB, new TokenKey[]{joinedA, joinedB});
            }
        }
        return new Assignment(score, m, pairs, usedA, usedB, null);
    }

    private static double weight(TokenKey a, TokenKey b) {
        if (a.isParticle() || b.isParticle()) return PARTICLE_WEIGHT;
        if (a.isInitial() || b.isInitial()) return INITIAL_WEIGHT;
        return 1.0;
    }

    private static List<String> texts(TokenKey[] t, boolean[] used) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (!used[i]) out.add(t[i].isParticle() ? t[i].text() + " (particle)" : t[i].text());
        }
        return out;
    }

    private static NameScore result(double score, List<PartMatch> parts, List<String> ua, List<String> ub) {
        boolean match = score >= TokenComparer.THRESHOLD;
        return new NameScore(score, match, parts, ua, ub, Explanation.of(score, match, parts, ua, ub));
    }
}

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

    NameScore score(NameKey a, NameKey b) {
        TokenKey[] ta = a.tokens();
        TokenKey[] tb = b.tokens();
        if (ta.length == 0 || tb.length == 0) {
            return result(0, List.of(), texts(ta, new boolean[ta.length]), texts(tb, new boolean[tb.length]));
        }
        Result assigned = assign(ta, tb);
        // Only when part counts differ: with equal counts, joining would blur a wrong given name into a match.
        if (ta.length != tb.length) {
            PartMatch joined = tokens.compare(NameParser.joined(List.of(ta)), NameParser.joined(List.of(tb)));
            if (joined.score() >= MIN_PART && joined.score() > assigned.score) {
                assigned = new Result(joined.score(), List.of(joined), List.of(), List.of());
            }
        }
        return result(assigned.score, assigned.parts, assigned.unmatchedA, assigned.unmatchedB);
    }

    private record Result(double score, List<PartMatch> parts, List<String> unmatchedA, List<String> unmatchedB) {
    }

    private Result assign(TokenKey[] ta, TokenKey[] tb) {
        PartMatch[][] m = new PartMatch[ta.length][tb.length];
        for (int i = 0; i < ta.length; i++) {
            for (int j = 0; j < tb.length; j++) m[i][j] = tokens.compare(ta[i], tb[j]);
        }
        boolean[] usedA = new boolean[ta.length];
        boolean[] usedB = new boolean[tb.length];
        List<PartMatch> parts = new ArrayList<>();
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
                    double s = m[i][j].score() * weight(ta[i], tb[j]);
                    if (s > best) {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) break;
            bestAny = Math.max(bestAny, m[bi][bj].score());
            if (m[bi][bj].score() < MIN_PART) break;
            usedA[bi] = true;
            usedB[bj] = true;
            parts.add(m[bi][bj]);
            double w = weight(ta[bi], tb[bj]);
            num += w * m[bi][bj].score();
            den += w;
        }
        for (int i = 0; i < ta.length; i++) if (!usedA[i]) den += UNMATCHED_PENALTY * weight(ta[i], ta[i]);
        for (int j = 0; j < tb.length; j++) if (!usedB[j]) den += UNMATCHED_PENALTY * weight(tb[j], tb[j]);
        // Nothing paired: keep a low score that still ranks near-misses above strangers.
        double score = parts.isEmpty() ? 0.5 * bestAny : num / den;
        return new Result(score, parts, texts(ta, usedA), texts(tb, usedB));
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

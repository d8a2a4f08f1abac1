package org.ibex.names;

import java.util.Map;

/**
 * Compares two tokens: best learned edit distance over all romanisation-variant pairs, calibrated
 * per script so that every script's raw threshold lands on {@link #THRESHOLD}, then labelled with
 * the rule an officer can check.
 */
final class TokenComparer {
    /** The default match threshold on calibrated scores. */
    static final double THRESHOLD = 0.80;
    /** A single letter matching the first letter of a name proves little: cap its score. */
    static final double INITIAL_SCORE = 0.85;
    /** Calibrated scores at or above this, across scripts, read as a transliteration variant. */
    static final double VARIANT_SCORE = 0.92;

    private final Map<Script, EditCosts> costs;
    private final EditCosts generic;

    TokenComparer(Map<Script, EditCosts> costs, EditCosts generic) {
        this.costs = costs;
        this.generic = generic;
    }

    EditCosts costsFor(TokenKey a, TokenKey b) {
        if (a.script() == Script.LATIN && b.script() != Script.LATIN) return costs.getOrDefault(b.script(), generic);
        if (b.script() == Script.LATIN && a.script() != Script.LATIN) return costs.getOrDefault(a.script(), generic);
        return generic;
    }

    /** Best raw similarity 1 - distance / mean length over variant pairs, romanised side first. */
    static double raw(TokenKey a, TokenKey b, EditCosts c) {
        if (a.script() == Script.LATIN && b.script() != Script.LATIN) {
            TokenKey t = a;
            a = b;
            b = t;
        }
        int[] oa = a.offsets();
        int[] ob = b.offsets();
        double best = 0;
        for (int i = 0; i + 1 < oa.length; i++) {
            int la = oa[i + 1] - oa[i] - 1;
            for (int j = 0; j + 1 < ob.length; j++) {
                int lb = ob[j + 1] - ob[j] - 1;
                if (la == 0 || lb == 0) continue;
                float d = WeightedLevenshtein.distance(c.cost(), a.packed(), oa[i], la, b.packed(), ob[j], lb);
                double s = 1.0 - d / ((la + lb) / 2.0);
                if (s > best) best = s;
            }
        }
        return best;
    }

    /** Maps raw similarity so that the script's raw threshold becomes {@link #THRESHOLD}. */
    static double calibrate(double raw, double rawThreshold) {
        double t = Math.min(Math.max(rawThreshold, 0.05), 0.98);
        double s = raw < t ? THRESHOLD * raw / t : THRESHOLD + (1 - THRESHOLD) * (raw - t) / (1 - t);
        return Math.max(0, Math.min(1, s));
    }

    PartMatch compare(TokenKey a, TokenKey b) {
        if (a.isInitial() || b.isInitial()) return initial(a, b);
        if (a.script() == b.script() && a.variant(0).equals(b.variant(0))) {
            return new PartMatch(a.text(), b.text(), MatchRule.EXACT, 1.0);
        }
        EditCosts c = costsFor(a, b);
        double score = calibrate(raw(a, b, c), c.rawThreshold());
        return new PartMatch(a.text(), b.text(), rule(a, b, score), score);
    }

    private MatchRule rule(TokenKey a, TokenKey b, double score) {
        if (sharesVariant(a, b)) return a.script() == b.script() ? MatchRule.EXACT : MatchRule.TRANSLITERATION_VARIANT;
        if (a.script() != b.script() && score >= VARIANT_SCORE) return MatchRule.TRANSLITERATION_VARIANT;
        if (score >= THRESHOLD && sharesPhoneticKey(a, b)) return MatchRule.PHONETIC;
        return MatchRule.EDIT_DISTANCE;
    }

    private static boolean sharesVariant(TokenKey a, TokenKey b) {
        for (int i = 0; i < a.variantCount(); i++) {
            for (int j = 0; j < b.variantCount(); j++) {
                if (a.variant(i).equals(b.variant(j))) return true;
            }
        }
        return false;
    }

    private static boolean sharesPhoneticKey(TokenKey a, TokenKey b) {
        for (int i = 0; i < a.variantCount(); i++) {
            String k = PhoneticKey.of(a.variant(i));
            for (int j = 0; j < b.variantCount(); j++) {
                if (!k.isEmpty() && k.equals(PhoneticKey.of(b.variant(j)))) return true;
            }
        }
        return false;
    }

    private static PartMatch initial(TokenKey a, TokenKey b) {
        char ia = a.variant(0).charAt(0);
        char ib = b.variant(0).charAt(0);
        double s = ia == ib ? (a.isInitial() && b.isInitial() ? 1.0 : INITIAL_SCORE) : 0.0;
        return new PartMatch(a.text(), b.text(), MatchRule.INITIAL, s);
    }
}

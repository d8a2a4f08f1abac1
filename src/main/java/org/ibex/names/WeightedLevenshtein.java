package org.ibex.names;

/**
 * Levenshtein distance with per-letter costs, over byte ranges of packed variants so that no
 * strings are allocated per comparison. The {@code from} side is the romanised side.
 */
final class WeightedLevenshtein {
    /** Keeps float rounding at the limit from cutting a distance that would tie the best one. */
    private static final float SLACK = 1e-4f;

    private WeightedLevenshtein() {
    }

    static float distance(float[][] c, byte[] a, int aFrom, int aLen, byte[] b, int bFrom, int bLen) {
        return distance(c, a, aFrom, aLen, b, bFrom, bLen, Float.POSITIVE_INFINITY);
    }

    /**
     * The distance, or, once every cell of a row exceeds {@code limit}, that row's least cell: costs are never
     * negative, so no path can come back under the limit, and the caller only wants distances below it.
     */
    static float distance(float[][] c, byte[] a, int aFrom, int aLen, byte[] b, int bFrom, int bLen, float limit) {
        float[] prev = new float[bLen + 1];
        float[] cur = new float[bLen + 1];
        prev[0] = 0;
        for (int j = 1; j <= bLen; j++) prev[j] = prev[j - 1] + c[0][EditCosts.index(b[bFrom + j - 1])];
        for (int i = 1; i <= aLen; i++) {
            int ai = EditCosts.index(a[aFrom + i - 1]);
            float[] sub = c[ai];
            cur[0] = prev[0] + sub[0];
            float rowMin = cur[0];
            for (int j = 1; j <= bLen; j++) {
                int bj = EditCosts.index(b[bFrom + j - 1]);
                float best = prev[j - 1] + sub[bj];
                float del = prev[j] + sub[0];
                if (del < best) best = del;
                float ins = cur[j - 1] + c[0][bj];
                if (ins < best) best = ins;
                cur[j] = best;
                if (best < rowMin) rowMin = best;
            }
            if (rowMin > limit + SLACK) return rowMin;
            float[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[bLen];
    }
}

package org.ibex.names;

import java.util.List;

/** Best alignment of a romanised original with its Latin label under given costs, counted per operation. */
public final class Alignment {
    private Alignment() {
    }

    /** counts[a][b] over all pairs, using for each pair the romanisation variant that aligns cheapest. */
    public static double[][] count(List<TokenKey[]> pairs, float[][] c) {
        double[][] counts = new double[EditCosts.SIZE][EditCosts.SIZE];
        for (TokenKey[] p : pairs) {
            String latin = p[1].variant(0);
            String best = null;
            double bestD = Double.MAX_VALUE;
            for (int v = 0; v < p[0].variantCount(); v++) {
                String r = p[0].variant(v);
                byte[] rb = r.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] lb = latin.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                double d = WeightedLevenshtein.distance(c, rb, 0, rb.length, lb, 0, lb.length);
                if (d < bestD) {
                    bestD = d;
                    best = r;
                }
            }
            if (best != null && !latin.isEmpty()) backtrace(best, latin, c, counts);
        }
        return counts;
    }

    private static void backtrace(String a, String b, float[][] c, double[][] counts) {
        int n = a.length();
        int m = b.length();
        float[][] d = new float[n + 1][m + 1];
        for (int j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + c[0][idx(b, j)];
        for (int i = 1; i <= n; i++) {
            d[i][0] = d[i - 1][0] + c[idx(a, i)][0];
            for (int j = 1; j <= m; j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + c[idx(a, i)][idx(b, j)],
                        Math.min(d[i - 1][j] + c[idx(a, i)][0], d[i][j - 1] + c[0][idx(b, j)]));
            }
        }
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + c[idx(a, i)][idx(b, j)]) {
                counts[idx(a, i)][idx(b, j)]++;
                i--;
                j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + c[idx(a, i)][0]) {
                counts[idx(a, i)][0]++;
                i--;
            } else {
                counts[0][idx(b, j)]++;
                j--;
            }
        }
    }

    private static int idx(String s, int i) {
        return s.charAt(i - 1) - 'a' + 1;
    }
}

package org.ibex.bench;

import org.ibex.names.ReadingUnits;

import java.util.HashMap;
import java.util.Map;

/**
 * The expectation step of {@link ReadingTrainer}: forward-backward over every way of cutting one
 * Latin label into one substring of 0 to {@value ReadingTrainer#MAX_EMIT} letters per unit, adding
 * each unit's posterior share of each substring to the counts.
 */
public final class ReadingAlignment {
    private ReadingAlignment() {
    }

    public static void expect(ReadingTrainer.Sample s, ReadingModel model, Map<String, Map<String, Double>> unitCounts,
                       Map<String, Map<String, Double>> readingCounts) {
        int n = s.units().length;
        int m = s.latin().length();
        int maxEmit = ReadingTrainer.MAX_EMIT;
        if (m > n * maxEmit) return;
        double[][][] e = new double[n][m + 1][maxEmit + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= m; j++) {
                for (int l = 0; l <= maxEmit && j + l <= m; l++) {
                    e[i][j][l] = model.emission(s.units()[i], s.readings()[i], s.latin().substring(j, j + l));
                }
            }
        }
        double[][] fwd = new double[n + 1][m + 1];
        fwd[0][0] = 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= m; j++) {
                if (fwd[i][j] == 0) continue;
                for (int l = 0; l <= maxEmit && j + l <= m; l++) fwd[i + 1][j + l] += fwd[i][j] * e[i][j][l];
            }
        }
        double z = fwd[n][m];
        if (!(z > 1e-280)) return;
        double[][] bwd = new double[n + 1][m + 1];
        bwd[n][m] = 1;
        for (int i = n - 1; i >= 0; i--) {
            for (int j = 0; j <= m; j++) {
                double b = 0;
                for (int l = 0; l <= maxEmit && j + l <= m; l++) b += e[i][j][l] * bwd[i + 1][j + l];
                bwd[i][j] = b;
            }
        }
        for (int i = 0; i < n; i++) {
            Map<String, Double> uc = unitCounts.computeIfAbsent(s.units()[i], u -> new HashMap<>());
            String general = ReadingUnits.withoutContext(s.units()[i]);
            Map<String, Double> gc = general.equals(s.units()[i]) ? null : unitCounts.computeIfAbsent(general, u -> new HashMap<>());
            Map<String, Double> rc = readingCounts.computeIfAbsent(s.readings()[i], u -> new HashMap<>());
            for (int j = 0; j <= m; j++) {
                if (fwd[i][j] == 0) continue;
                for (int l = 0; l <= maxEmit && j + l <= m; l++) {
                    double post = fwd[i][j] * e[i][j][l] * bwd[i + 1][j + l] / z;
                    if (post < 1e-4) continue;
                    String latin = s.latin().substring(j, j + l);
                    uc.merge(latin, post, Double::sum);
                    if (gc != null) gc.merge(latin, post, Double::sum);
                    rc.merge(latin, post, Double::sum);
                }
            }
        }
    }
}

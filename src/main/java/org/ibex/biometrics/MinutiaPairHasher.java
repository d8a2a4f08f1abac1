package org.ibex.biometrics;

import static org.ibex.biometrics.IndexParameters.ANGLE_BINS;
import static org.ibex.biometrics.IndexParameters.DISTANCE_BINS;
import static org.ibex.biometrics.IndexParameters.DISTANCE_STEP;
import static org.ibex.biometrics.IndexParameters.LINE_LEVELS;
import static org.ibex.biometrics.IndexParameters.MIN_DISTANCE;

/**
 * Hashes minutia pairs by features that survive rotation and translation: their distance, and each minutia's
 * direction relative to the line joining them. The line's absolute direction travels with the key so that the
 * search can tell a consistent rotation from chance agreement.
 *
 * <p>A gallery template stores each unordered pair once in one bin; a probe looks up both orders and, in every
 * dimension, its own bin and the nearer neighbour, so a measurement error up to half a bin never loses a pair.
 */
final class MinutiaPairHasher {
    private static final double TAU = 2 * Math.PI;
    private static final double ANGLE_SCALE = ANGLE_BINS / TAU;
    private static final double LINE_SCALE = LINE_LEVELS / TAU;

    /** Hash keys with the line level of each pair (0..LINE_LEVELS-1), the first {@code count} valid. */
    record Pairs(int[] keys, byte[] lines, int count) {
    }

    private MinutiaPairHasher() {
    }

    static Pairs gallery(Minutiae m) {
        int n = m.size();
        int[] keys = new int[n * (n - 1) / 2];
        byte[] lines = new byte[keys.length];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = m.x()[j] - m.x()[i];
                double dy = m.y()[j] - m.y()[i];
                double d = (Math.sqrt(dx * dx + dy * dy) - MIN_DISTANCE) / DISTANCE_STEP;
                if (d < 0 || d >= DISTANCE_BINS) {
                    continue;
                }
                double line = Math.atan2(dy, dx);
                int a = (int) Math.floor(angle(m.direction()[i] - line) * ANGLE_SCALE) & (ANGLE_BINS - 1);
                int b = (int) Math.floor(angle(m.direction()[j] - line) * ANGLE_SCALE) & (ANGLE_BINS - 1);
                keys[count] = key((int) d, a, b);
                lines[count] = level(line);
                count++;
            }
        }
        return new Pairs(keys, lines, count);
    }

    static Pairs probe(Minutiae m) {
        int n = m.size();
        int[] keys = new int[n * (n - 1) * 8];
        byte[] lines = new byte[keys.length];
        int count = 0;
        int[] ds = new int[2];
        int[] as = new int[2];
        int[] bs = new int[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double dx = m.x()[j] - m.x()[i];
                double dy = m.y()[j] - m.y()[i];
                double d = (Math.sqrt(dx * dx + dy * dy) - MIN_DISTANCE) / DISTANCE_STEP;
                if (d < -0.5 || d >= DISTANCE_BINS + 0.5) {
                    continue;
                }
                double line = Math.atan2(dy, dx);
                int dn = distanceBins(d, ds);
                bins(angle(m.direction()[i] - line) * ANGLE_SCALE, as);
                bins(angle(m.direction()[j] - line) * ANGLE_SCALE, bs);
                byte level = level(line);
                for (int di = 0; di < dn; di++) {
                    for (int ai = 0; ai < 2; ai++) {
                        for (int bi = 0; bi < 2; bi++) {
                            keys[count] = key(ds[di], as[ai], bs[bi]);
                            lines[count] = level;
                            count++;
                        }
                    }
                }
            }
        }
        return new Pairs(keys, lines, count);
    }

    private static int key(int distance, int a, int b) {
        return (distance * ANGLE_BINS + a) * ANGLE_BINS + b;
    }

    /** The bin of the value and its nearer neighbour, wrapping around the circle. */
    private static void bins(double value, int[] out) {
        int bin = (int) Math.floor(value);
        out[0] = bin & (ANGLE_BINS - 1);
        out[1] = (value - bin < 0.5 ? bin - 1 : bin + 1) & (ANGLE_BINS - 1);
    }

    /** Like {@link #bins} without wrapping: bins outside the range are left out; returns how many remain. */
    private static int distanceBins(double value, int[] out) {
        int bin = (int) Math.floor(value);
        int near = value - bin < 0.5 ? bin - 1 : bin + 1;
        int count = 0;
        if (bin >= 0 && bin < DISTANCE_BINS) {
            out[count++] = bin;
        }
        if (near >= 0 && near < DISTANCE_BINS) {
            out[count++] = near;
        }
        return count;
    }

    private static byte level(double line) {
        return (byte) ((int) Math.floor(angle(line) * LINE_SCALE) & (LINE_LEVELS - 1));
    }

    /** The angle brought into [0, 2 pi). */
    private static double angle(double radians) {
        double a = radians % TAU;
        return a < 0 ? a + TAU : a;
    }
}

package org.ibex.biometrics;

import java.util.Arrays;

/**
 * Error rates of a matcher from measured genuine and impostor scores (higher is more similar; a pair is
 * accepted when its score reaches the threshold). With N impostor scores no FMR below 1/N can be observed:
 * a target below that gets the threshold just above the highest impostor (FMR 0 observed), and
 * {@link #resolves} says so.
 */
public final class ErrorRates {
    private final double[] genuine;
    private final double[] impostor;

    private ErrorRates(double[] genuine, double[] impostor) {
        this.genuine = genuine;
        this.impostor = impostor;
    }

    public static ErrorRates of(double[] genuine, double[] impostor) {
        if (genuine.length == 0 || impostor.length == 0) {
            throw new IllegalArgumentException("error rates need genuine and impostor scores, got " + genuine.length
                    + " genuine and " + impostor.length + " impostor");
        }
        double[] g = genuine.clone();
        double[] i = impostor.clone();
        Arrays.sort(g);
        Arrays.sort(i);
        return new ErrorRates(g, i);
    }

    public int genuineCount() {
        return genuine.length;
    }

    public int impostorCount() {
        return impostor.length;
    }

    /** The lowest threshold whose observed FMR is at most {@code fmr}. */
    public double thresholdAt(double fmr) {
        int allowed = (int) Math.floor(fmr * impostor.length + 1e-9);
        if (allowed >= impostor.length) {
            return Double.NEGATIVE_INFINITY;
        }
        // Sorted ascending: the (allowed+1)-th highest impostor must be rejected, so the threshold lies just above it.
        return Math.nextUp(impostor[impostor.length - 1 - allowed]);
    }

    /** Share of genuine pairs rejected at {@link #thresholdAt}. */
    public double fnmrAt(double fmr) {
        return fnmrAtThreshold(thresholdAt(fmr));
    }

    /** Share of genuine pairs rejected when no impostor pair may be accepted. */
    public double fnmrAtZeroFmr() {
        return fnmrAt(0);
    }

    public double fnmrAtThreshold(double threshold) {
        int below = 0;
        while (below < genuine.length && genuine[below] < threshold) {
            below++;
        }
        return (double) below / genuine.length;
    }

    /** Whether {@code fmr} can be observed at all with this many impostor scores (at least one false match allowed). */
    public boolean resolves(double fmr) {
        return fmr * impostor.length >= 1 - 1e-9;
    }

    public double highestImpostor() {
        return impostor[impostor.length - 1];
    }
}

package org.ibex.biometrics;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Decision thresholds on the fused score (sum of per-finger SourceAFIS scores), per number of fingers fused and
 * target false match rate, taken from measured impostor distributions. For more fingers than the table has, the
 * threshold of the largest measured count plus one single-finger threshold per extra finger: a sum over that
 * can only come from the measured fingers passing their threshold or one extra finger passing the single one,
 * so the FMR is at most (1 + extra fingers) times the target whatever the correlation between fingers.
 */
public final class ScoreThresholds {
    // Printed by `ibex bench fingerprints --data ../shared/data/fingerprints/fvc2002` (line "thresholds ...").
    private static final double FVC2002_1_FINGER_1E3 = 27.1363;
    private static final double FVC2002_1_FINGER_1E4 = 30.5963;
    private static final double FVC2002_2_FINGERS_1E3 = 33.9101;
    private static final double FVC2002_2_FINGERS_1E4 = 41.0794;

    private final NavigableMap<Integer, NavigableMap<Double, Double>> table;

    private ScoreThresholds(NavigableMap<Integer, NavigableMap<Double, Double>> table) {
        this.table = table;
    }

    /** Thresholds read from impostor scores per finger count, at each target FMR given. */
    public static ScoreThresholds fromImpostors(Map<Integer, double[]> impostorsByFingers, double... fmrs) {
        NavigableMap<Integer, NavigableMap<Double, Double>> table = new TreeMap<>();
        impostorsByFingers.forEach((fingers, impostors) -> {
            ErrorRates rates = ErrorRates.of(new double[] {0}, impostors);
            NavigableMap<Double, Double> row = new TreeMap<>();
            for (double fmr : fmrs) {
                row.put(fmr, rates.thresholdAt(fmr));
            }
            table.put(fingers, row);
        });
        return checked(table);
    }

    /**
     * Measured with {@code ibex bench fingerprints} on FVC2002 set B (4 databases pooled; 11520 single-finger
     * impostor pairs, 161280 two-finger ones from chimeras that reuse single-finger scores). At FMR 1e-4 the
     * single-finger row rests on one allowed false match, so it is coarse: SourceAFIS, calibrated on far more
     * impostors, documents 40. Re-measure on the deployment's own captures before trusting FMR 1e-4.
     */
    public static ScoreThresholds fvc2002() {
        NavigableMap<Integer, NavigableMap<Double, Double>> table = new TreeMap<>();
        table.put(1, new TreeMap<>(Map.of(1e-3, FVC2002_1_FINGER_1E3, 1e-4, FVC2002_1_FINGER_1E4)));
        table.put(2, new TreeMap<>(Map.of(1e-3, FVC2002_2_FINGERS_1E3, 1e-4, FVC2002_2_FINGERS_1E4)));
        return checked(table);
    }

    /** The fused-score threshold for {@code fingers} fingers at {@code fmr}, one of the table's FMRs. */
    public double threshold(int fingers, double fmr) {
        if (fingers < 1) {
            throw new IllegalArgumentException("a threshold needs at least one finger, was " + fingers);
        }
        if (fingers <= table.lastKey() && !table.containsKey(fingers)) {
            throw new IllegalArgumentException("no threshold measured for " + fingers + " fingers; measured: " + table.keySet());
        }
        int measured = Math.min(fingers, table.lastKey());
        return lookup(measured, fmr) + (fingers - measured) * lookup(1, fmr);
    }

    /**
     * The threshold at any FMR, for identification where the per-comparison FMR is the target FPIR divided by the
     * gallery size: log-linear between measured FMRs and, below the smallest, extrapolated along the slope of the
     * two smallest (the score grows about linearly in -log FMR). {@link #isExtrapolated} says when that happened.
     */
    public double thresholdAt(int fingers, double fmr) {
        if (!(fmr > 0 && fmr < 1)) {
            throw new IllegalArgumentException("a false match rate must be between 0 and 1, was " + fmr);
        }
        threshold(fingers, table.get(1).firstKey());
        int measured = Math.min(fingers, table.lastKey());
        return along(measured, fmr) + (fingers - measured) * along(1, fmr);
    }

    /** Whether {@link #thresholdAt} had to go beyond the smallest measured FMR. */
    public boolean isExtrapolated(double fmr) {
        return fmr < table.get(1).firstKey();
    }

    private double along(int fingers, double fmr) {
        NavigableMap<Double, Double> row = table.get(fingers);
        if (row.containsKey(fmr) || row.size() == 1) {
            return row.containsKey(fmr) ? row.get(fmr) : row.firstEntry().getValue();
        }
        Map.Entry<Double, Double> low = row.floorEntry(fmr);
        Map.Entry<Double, Double> high = row.ceilingEntry(fmr);
        if (low == null) {
            low = row.firstEntry();
            high = row.higherEntry(low.getKey());
        } else if (high == null) {
            high = row.lastEntry();
            low = row.lowerEntry(high.getKey());
        }
        double perDecade = (low.getValue() - high.getValue()) / (Math.log10(high.getKey()) - Math.log10(low.getKey()));
        return low.getValue() + perDecade * (Math.log10(low.getKey()) - Math.log10(fmr));
    }

    private double lookup(int fingers, double fmr) {
        Double threshold = table.get(fingers).get(fmr);
        if (threshold == null) {
            throw new IllegalArgumentException("no threshold for FMR " + fmr + " with " + fingers
                    + " finger(s); the table has FMRs " + table.get(fingers).keySet());
        }
        return threshold;
    }

    private static ScoreThresholds checked(NavigableMap<Integer, NavigableMap<Double, Double>> table) {
        if (!table.containsKey(1)) {
            throw new IllegalArgumentException("thresholds need a single-finger row; got rows for " + table.keySet() + " fingers");
        }
        return new ScoreThresholds(table);
    }

    @Override
    public String toString() {
        return "ScoreThresholds" + table;
    }
}

package org.ibex.watchlist;

/**
 * A list's threshold chosen from a target alert rate: the lowest threshold (in whole percent) at which at most
 * that share of ordinary travellers alert, with the share reached and the recall that threshold keeps on the
 * list's own variations. Given each traveller's best alerting score on the list and each variation's score on
 * its own entry (0 when not found at all).
 */
public record ThresholdCalibration(int thresholdPercent, double alertRate, double recall, int travellers,
                                   int variations, boolean reached) {

    public static ThresholdCalibration choose(double[] travellerBest, double[] variationScores, double targetRate) {
        if (travellerBest.length == 0) {
            throw new InvalidEntryException("population", RowError.REQUIRED, "the population holds no traveller to"
                    + " calibrate with");
        }
        if (!(targetRate > 0 && targetRate < 1)) {
            throw new InvalidEntryException("alertRate", RowError.RANGE, "alert rate " + targetRate
                    + " must be a share above 0 and below 1 (0.005 or 0.5%)");
        }
        int chosen = 100;
        boolean reached = false;
        for (int percent = 1; percent <= 100; percent++) {
            if (share(travellerBest, percent) <= targetRate) {
                chosen = percent;
                reached = true;
                break;
            }
        }
        return new ThresholdCalibration(chosen, share(travellerBest, chosen), share(variationScores, chosen),
                travellerBest.length, variationScores.length, reached);
    }

    /** The share of scores that alert at {@code percent}, as the index compares them. */
    static double share(double[] scores, int percent) {
        if (scores.length == 0) {
            return 0;
        }
        double threshold = percent / 100.0;
        int alerting = 0;
        for (double score : scores) {
            alerting += score > 0 && score >= threshold ? 1 : 0;
        }
        return (double) alerting / scores.length;
    }
}

package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Quality of one captured finger, 0 to 100, from what matching needs: minutiae found by SourceAFIS (half the
 * score), the share of the image showing ridges (three tenths) and the ridges' contrast (two tenths). Not
 * NFIQ 2: a plain, explainable gate that refuses what cannot match and warns about what matches poorly.
 */
public record FingerQuality(int score, QualityLevel level, int minutiae, double ridgeShare, double contrast) {
    /** Fewer minutiae than this and no comparison is reliable (the old 12-point rule of thumb). */
    static final int MIN_MINUTIAE = 12;
    static final double MIN_RIDGE_SHARE = 0.10;
    static final int MIN_SCORE = 30;
    static final int GOOD_SCORE = 60;
    private static final int FULL_MINUTIAE = 40;
    private static final double FULL_RIDGE_SHARE = 0.5;
    private static final double FULL_CONTRAST = 50;

    static FingerQuality measure(FingerImage image, int minutiae) {
        RidgeMeasure ridges = RidgeMeasure.of(image);
        double score = 50 * Math.min(1, (double) minutiae / FULL_MINUTIAE)
                + 30 * Math.min(1, ridges.ridgeShare() / FULL_RIDGE_SHARE)
                + 20 * Math.min(1, ridges.contrast() / FULL_CONTRAST);
        int rounded = (int) Math.round(score);
        QualityLevel level = minutiae < MIN_MINUTIAE || ridges.ridgeShare() < MIN_RIDGE_SHARE || rounded < MIN_SCORE
                ? QualityLevel.UNUSABLE : rounded < GOOD_SCORE ? QualityLevel.WARN : QualityLevel.GOOD;
        return new FingerQuality(rounded, level, minutiae, ridges.ridgeShare(), ridges.contrast());
    }

    /** What failed, in words, for a refusal or a warning; empty when the finger is good. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (minutiae < MIN_MINUTIAE) {
            problems.add(minutiae + " minutiae found, at least " + MIN_MINUTIAE + " needed");
        }
        if (ridgeShare < MIN_RIDGE_SHARE) {
            problems.add(String.format("ridges cover %.0f%% of the image, at least %.0f%% needed", ridgeShare * 100,
                    MIN_RIDGE_SHARE * 100));
        }
        if (score < GOOD_SCORE) {
            problems.add("quality " + score + "/100 is below " + (score < MIN_SCORE ? MIN_SCORE + " (unusable)" : GOOD_SCORE + " (good)"));
        }
        return problems;
    }
}

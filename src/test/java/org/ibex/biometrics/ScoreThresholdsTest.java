package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreThresholdsTest {
    private final ScoreThresholds thresholds = ScoreThresholds.fromImpostors(Map.of(
            1, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
            2, new double[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20}), 0.1, 0.0);

    @Test
    void theThresholdLetsThroughNoMoreImpostorsThanTheTargetAllows() {
        assertThat(thresholds.threshold(1, 0.1)).as("one of ten impostors (10) may pass; 9 must not").isEqualTo(Math.nextUp(9.0));
        assertThat(thresholds.threshold(2, 0.0)).as("no impostor may pass").isEqualTo(Math.nextUp(20.0));
    }

    @Test
    void moreFingersThanMeasuredAddOneSingleFingerThresholdEach() {
        assertThat(thresholds.threshold(4, 0.1)).isEqualTo(Math.nextUp(18.0) + 2 * Math.nextUp(9.0));
    }

    @Test
    void anUnmeasuredFmrIsRefusedWithTheOnesAvailable() {
        assertThatThrownBy(() -> thresholds.threshold(1, 1e-4)).hasMessageContaining("no threshold for FMR 1.0E-4")
                .hasMessageContaining("[0.0, 0.1]");
    }

    @Test
    void theFvc2002TableGrowsWithTheNumberOfFingers() {
        ScoreThresholds fvc = ScoreThresholds.fvc2002();
        assertThat(fvc.threshold(2, 1e-4)).isGreaterThan(fvc.threshold(1, 1e-4));
        assertThat(fvc.threshold(1, 1e-4)).isGreaterThan(fvc.threshold(1, 1e-3));
    }
}

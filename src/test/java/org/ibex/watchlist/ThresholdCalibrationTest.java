package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The threshold for a target alert rate: the lowest that keeps ordinary travellers' alerts at or under it. */
class ThresholdCalibrationTest {

    @Test
    void picksTheLowestThresholdMeetingTheRateAndReportsRateAndRecall() {
        // Ten travellers: seven never come near, three have best scores 0.79, 0.81 and 0.86.
        double[] travellers = {0, 0, 0, 0, 0, 0, 0, 0.79, 0.81, 0.86};
        double[] variations = {0.95, 0.90, 0.84, 0.82, 0};

        ThresholdCalibration tenPercent = ThresholdCalibration.choose(travellers, variations, 0.10);
        assertThat(tenPercent.thresholdPercent()).isEqualTo(82);
        assertThat(tenPercent.alertRate()).isEqualTo(0.10);
        assertThat(tenPercent.recall()).isEqualTo(0.8);
        assertThat(tenPercent.reached()).isTrue();

        ThresholdCalibration twentyPercent = ThresholdCalibration.choose(travellers, variations, 0.20);
        assertThat(twentyPercent.thresholdPercent()).isEqualTo(80);
        assertThat(twentyPercent.alertRate()).isEqualTo(0.20);
    }

    @Test
    void saysSoWhenEvenTheHighestThresholdAlertsTooOften() {
        ThresholdCalibration c = ThresholdCalibration.choose(new double[] {1.0, 1.0, 0}, new double[] {1.0}, 0.1);
        assertThat(c.reached()).isFalse();
        assertThat(c.thresholdPercent()).isEqualTo(100);
        assertThat(c.alertRate()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anEmptyPopulationOrARateOutsideZeroToOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ThresholdCalibration.choose(new double[0], new double[0], 0.01))
                .hasMessageContaining("population");
        assertThatThrownBy(() -> ThresholdCalibration.choose(new double[] {0.5}, new double[0], 1.5))
                .hasMessageContaining("alert rate 1.5");
    }
}

package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorRatesTest {
    private final ErrorRates rates = ErrorRates.of(new double[] {5, 15, 25, 35}, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 20});

    @Test
    void fnmrCountsGenuinePairsBelowTheThresholdForTheTargetFmr() {
        assertThat(rates.thresholdAt(0.1)).isEqualTo(Math.nextUp(8.0));
        assertThat(rates.fnmrAt(0.1)).as("only 5 of the genuine scores is below 8").isEqualTo(0.25);
        assertThat(rates.fnmrAtZeroFmr()).as("above the highest impostor, 20: 5 and 15 are rejected").isEqualTo(0.5);
    }

    @Test
    void anFmrBelowOneOverTheImpostorCountIsNotResolved() {
        assertThat(rates.resolves(0.1)).isTrue();
        assertThat(rates.resolves(0.01)).isFalse();
        assertThat(rates.fnmrAt(0.01)).isEqualTo(rates.fnmrAtZeroFmr());
    }

    @Test
    void emptyScoreSetsAreRefused() {
        assertThatThrownBy(() -> ErrorRates.of(new double[0], new double[] {1})).hasMessageContaining("0 genuine");
    }
}

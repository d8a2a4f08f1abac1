package org.ibex.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private final Backoff backoff = Backoff.standard(new Random(42));

    @Test
    void doublesEachAttemptWithinHalfToFullJitter() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long full = 1000L << (attempt - 1);
            assertThat(backoff.after(attempt).toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
        }
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        for (int attempt = 7; attempt < 200; attempt++) {
            assertThat(backoff.after(attempt)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    @Test
    void refusesACapBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1), new Random()))
                .hasMessageContaining("cap at least base");
    }
}

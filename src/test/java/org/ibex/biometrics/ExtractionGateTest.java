package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate around decode and extraction: never more fingers at once than permits, results in order, failures kept. */
class ExtractionGateTest {

    @Test
    void tenFingersOnTwoPermitsRunTwoAtATimeAndComeBackInOrder() {
        ExtractionGate gate = new ExtractionGate(2, Duration.ofSeconds(5));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Supplier<Integer>> work = IntStream.range(0, 10).<Supplier<Integer>>mapToObj(i -> () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i;
        }).toList();

        assertThat(gate.runAll(work)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(most.get()).as("at most as many fingers at once as permits").isLessThanOrEqualTo(2);
    }

    @Test
    void aFingersFailureReachesTheCallerAndThePermitsComeBack() {
        ExtractionGate gate = new ExtractionGate(2, Duration.ofMillis(200));
        List<Supplier<Integer>> work = List.of(() -> 1, () -> {
            throw new ImageRefusedException(ImageRefusedException.Refusal.UNREADABLE, "not an image");
        }, () -> 3);

        assertThatThrownBy(() -> gate.runAll(work)).isInstanceOf(ImageRefusedException.class);
        assertThat(gate.runAll(List.of(() -> 1, () -> 2))).as("no permit leaked").containsExactly(1, 2);
    }
}

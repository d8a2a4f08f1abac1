package org.ibex.trust;

import org.ibex.store.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryReplayGuardTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryReplayGuard guard = new InMemoryReplayGuard(clock, Duration.ofMinutes(5));

    @Test
    void anIdIsFirstSeenOnlyOnce() {
        assertThat(guard.firstSeen("a", clock.instant())).isTrue();
        assertThat(guard.firstSeen("a", clock.instant())).isFalse();
        assertThat(guard.firstSeen("b", clock.instant())).isTrue();
    }

    @Test
    void idsAreForgottenOnceTheyFallOutOfTheWindowSoMemoryStaysBounded() {
        guard.firstSeen("old", clock.instant());
        clock.advance(Duration.ofMinutes(3));
        guard.firstSeen("recent", clock.instant());
        clock.advance(Duration.ofMinutes(3));

        assertThat(guard.size()).as("'old' was created 6 minutes ago, beyond the 5-minute window").isEqualTo(1);
        assertThat(guard.firstSeen("recent", clock.instant().minus(Duration.ofMinutes(3)))).isFalse();
    }
}

package org.ibex.access;

import org.ibex.store.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growing delays per account instead of a lock, and a per-address bound high enough for a post behind one NAT
 * address. (Until issue 12 this class locked an account for 15 minutes after five failures from anywhere and an
 * address after five failures under any names: anyone could lock out an officer, or a whole post.)
 */
class LoginThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final LoginDelays delays = LoginDelays.standard();
    private final LoginThrottle throttle = new LoginThrottle(delays, 100, Duration.ofMinutes(15), clock);

    @Test
    void theFirstFourFailuresCostNothingThenEachDoublesTheWaitUpToFifteenMinutes() {
        assertThat(delays.after(4)).as("a few typos are free").isZero();
        assertThat(delays.after(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delays.after(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delays.after(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(delays.after(10)).as("capped").isEqualTo(Duration.ofMinutes(15));
        assertThat(delays.after(1_000)).as("no overflow, and never a permanent lock").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theWaitCountsFromTheLastFailure() {
        LoginDelays.Failures six = new LoginDelays.Failures(6, clock.instant());

        assertThat(delays.remaining(six, clock.instant())).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(45));
        assertThat(delays.remaining(six, clock.instant())).isEqualTo(Duration.ofSeconds(15));
        clock.advance(Duration.ofSeconds(15));
        assertThat(delays.remaining(six, clock.instant())).as("the wait is over, not a window to slide").isZero();
    }

    @Test
    void dozensOfOfficersMistypingBehindOneAddressDoNotStopTheirPost() {
        for (int i = 0; i < 99; i++) {
            throttle.addressFailed("192.0.2.1");
        }
        assertThat(throttle.addressWait("192.0.2.1")).as("99 failures in 15 minutes from one NAT address").isZero();
    }

    @Test
    void anAddressSprayingManyNamesIsStoppedAtTheHighBound() {
        for (int i = 0; i < 100; i++) {
            throttle.addressFailed("192.0.2.1");
        }
        assertThat(throttle.addressWait("192.0.2.1")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.addressWait("192.0.2.2")).as("another address is not affected").isZero();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.addressWait("192.0.2.1")).isZero();
    }

    @Test
    void unknownNamesAreDelayedLikeAccountsSoTheAnswersDoNotTellWhichNamesExist() {
        for (int i = 0; i < 5; i++) {
            throttle.unknownNameFailed("Nobody");
        }
        LoginDelays.Failures failures = throttle.unknownName("nobody");

        assertThat(failures.count()).as("names ignore case").isEqualTo(5);
        assertThat(delays.remaining(failures, clock.instant())).isEqualTo(Duration.ofSeconds(30));
    }
}

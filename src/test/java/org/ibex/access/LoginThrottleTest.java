package org.ibex.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), clock);

    @Test
    void blocksAnAccountAfterFiveFailuresUntilTheWindowPasses() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("officer", "10.0.0." + i);
        }
        assertThat(throttle.retryAfter("officer", "10.0.0.9")).isZero();
        throttle.failed("officer", "10.0.0.5");
        assertThat(throttle.retryAfter("officer", "10.0.0.9")).as("five failures from any address block the account")
                .isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.retryAfter("officer", "10.0.0.9")).isZero();
    }

    @Test
    void blocksAnAddressThatGuessesAcrossManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        assertThat(throttle.retryAfter("someone-else", "192.0.2.1")).isPositive();
        assertThat(throttle.retryAfter("someone-else", "192.0.2.2")).isZero();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("officer", "a");
        }
        throttle.succeeded("officer");
        throttle.failed("officer", "b");
        assertThat(throttle.retryAfter("officer", "c")).isZero();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

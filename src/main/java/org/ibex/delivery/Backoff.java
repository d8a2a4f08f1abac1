package org.ibex.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential retry delays with jitter: {@code base * 2^(attempts-1)}, capped, then scaled by a random factor in
 * [0.5, 1] so that senders cut off together do not all come back in the same second.
 */
public record Backoff(Duration base, Duration cap, RandomGenerator random) {
    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("base must be positive and cap at least base, got base " + base
                    + " and cap " + cap);
        }
    }

    /** The usual setting: 1 s doubling up to 60 s. */
    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
    }

    /** How long to wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        long millis = base.toMillis();
        for (int i = 1; i < attempts && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, cap.toMillis());
        return Duration.ofMillis((long) (millis * (0.5 + random.nextDouble() * 0.5)));
    }
}

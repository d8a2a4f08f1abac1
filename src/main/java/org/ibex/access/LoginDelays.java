package org.ibex.access;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an account waits after consecutive failed logins: the first {@code freeFailures} cost nothing, then
 * each failure doubles the wait from {@code first} up to {@code cap}. A growing delay, not a lock: a guesser
 * gets a handful of tries an hour, while nobody can lock an officer out by typing wrong passwords under their name.
 */
public record LoginDelays(int freeFailures, Duration first, Duration cap) {
    public LoginDelays {
        if (freeFailures < 1 || first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("login delays need freeFailures >= 1 and 0 < first <= cap (got "
                    + freeFailures + ", " + first + ", " + cap + ")");
        }
    }

    /** Four free failures, then 30 s, 1, 2, 4, 8 min and 15 min for every failure after that. */
    public static LoginDelays standard() {
        return new LoginDelays(4, Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /** The wait after {@code failures} consecutive failures, counted from the last one. */
    public Duration after(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** How long from {@code now} until the next try is allowed; zero when it is allowed now. */
    public Duration remaining(Failures failures, Instant now) {
        if (failures.count() == 0 || failures.last() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(after(failures.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Consecutive failed logins of one account and when the last one happened. */
    public record Failures(int count, Instant last) {
        public static final Failures NONE = new Failures(0, null);

        public Failures next(Instant at) {
            return new Failures(count + 1, at);
        }
    }
}

package org.ibex.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory half of login throttling. Per remote address: a sliding window with a high bound, because a
 * post's officers may all sit behind one NAT address, so only a spray across many names trips it. Per unknown
 * username: the same growing delays that {@link LoginDelays} gives real accounts (whose failures are stored with
 * the account), so that the answers do not tell which names exist. A restart forgives both.
 */
public final class LoginThrottle {
    /** Unknown names kept at most; past this all are forgotten at once, so a name spray cannot fill the heap. */
    private static final int MAX_UNKNOWN = 10_000;
    private final LoginDelays delays;
    private final int addressLimit;
    private final Duration addressWindow;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();
    private final Map<String, LoginDelays.Failures> unknownNames = new ConcurrentHashMap<>();

    public LoginThrottle(LoginDelays delays, int addressLimit, Duration addressWindow, Clock clock) {
        if (addressLimit < 1) {
            throw new IllegalArgumentException("addressLimit must be >= 1 (got " + addressLimit + ")");
        }
        this.delays = delays;
        this.addressLimit = addressLimit;
        this.addressWindow = addressWindow;
        this.clock = clock;
    }

    /** Growing delays per account, and 100 failures per address in 15 minutes. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(LoginDelays.standard(), 100, Duration.ofMinutes(15), clock);
    }

    public LoginDelays delays() {
        return delays;
    }

    Instant now() {
        return clock.instant();
    }

    /** How long the address must wait before trying again; zero when a try is allowed now. */
    public Duration addressWait(String remote) {
        Deque<Instant> times = byAddress.get(key(remote));
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < addressLimit) {
                return Duration.ZERO;
            }
            return Duration.between(clock.instant(), times.peekFirst().plus(addressWindow));
        }
    }

    public void addressFailed(String remote) {
        Deque<Instant> times = byAddress.computeIfAbsent(key(remote), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    /** Failures of a name that has no account, kept here because there is no row to keep them in. */
    public LoginDelays.Failures unknownName(String username) {
        return unknownNames.getOrDefault(Usernames.key(username), LoginDelays.Failures.NONE);
    }

    public void unknownNameFailed(String username) {
        if (unknownNames.size() >= MAX_UNKNOWN) {
            unknownNames.clear();
        }
        unknownNames.merge(Usernames.key(username), LoginDelays.Failures.NONE.next(clock.instant()),
                (old, fresh) -> old.next(fresh.last()));
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(addressWindow);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private static String key(String remote) {
        return remote == null ? "" : remote;
    }
}

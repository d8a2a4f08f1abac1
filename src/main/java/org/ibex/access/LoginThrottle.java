package org.ibex.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per account and per remote address in a sliding window, so that guessing a
 * password costs hours, not seconds. Kept in memory: a restart forgives, which is acceptable for a node.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when a try is allowed now. */
    public Duration retryAfter(String username, String remote) {
        Duration user = wait(key("user", username));
        Duration address = wait(key("addr", remote));
        return user.compareTo(address) > 0 ? user : address;
    }

    public void failed(String username, String remote) {
        Instant now = clock.instant();
        record(key("user", username), now);
        record(key("addr", remote), now);
    }

    public void succeeded(String username) {
        failures.remove(key("user", username));
    }

    private Duration wait(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(clock.instant(), times.peekFirst().plus(window));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value);
    }
}

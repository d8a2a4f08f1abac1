package org.ibex.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A replay guard for one process: ids are kept until their creation time is older than {@code window}, which
 * must be at least the verifier's accepted age, so memory is bounded by the traffic of one window. Forgets
 * everything on restart; a database-backed guard replaces it where that matters.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    private final Clock clock;
    private final Duration window;
    private final Set<String> seen = new HashSet<>();
    private final PriorityQueue<Seen> byAge = new PriorityQueue<>((a, b) -> a.created().compareTo(b.created()));

    private record Seen(String id, Instant created) {
    }

    public InMemoryReplayGuard(Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.clock = clock;
        this.window = window;
    }

    @Override
    public synchronized boolean firstSeen(String id, Instant created) {
        forgetBefore(clock.instant().minus(window));
        if (!seen.add(id)) {
            return false;
        }
        byAge.add(new Seen(id, created));
        return true;
    }

    /** How many ids are remembered now. */
    public synchronized int size() {
        forgetBefore(clock.instant().minus(window));
        return seen.size();
    }

    private void forgetBefore(Instant horizon) {
        while (!byAge.isEmpty() && byAge.peek().created().isBefore(horizon)) {
            seen.remove(byAge.poll().id());
        }
    }
}

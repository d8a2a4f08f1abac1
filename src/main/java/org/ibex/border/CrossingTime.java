package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.access.Role;

import java.time.Duration;
import java.time.Instant;

/**
 * When a crossing may say it happened. Within the node's clock skew of now it is on time. Before that it is late:
 * a supervisor records it with a {@code lateReason} and it is marked late; an officer may not back-date. After that
 * it has not happened yet, and nobody may record it. Imports are history by nature: marked late, no reason asked.
 */
public final class CrossingTime {
    /** The skew a node allows unless {@code crossings.max-skew-minutes} says otherwise. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(15);
    static final int MAX_REASON = 500;
    private final Duration skew;

    public CrossingTime(Duration skew) {
        if (skew.isNegative()) {
            throw new IllegalArgumentException("crossings.max-skew-minutes must be 0 or more (got " + skew.toMinutes() + ")");
        }
        this.skew = skew;
    }

    /** The time a crossing is stored with, and whether and why it is late. */
    record Timing(Instant occurredAt, boolean late, String lateReason) {
    }

    /**
     * Checks a crossing's time against now; throws naming {@code occurredAt} or {@code lateReason} and the rule
     * broken. {@code imported}: the crossing comes from an import file, where back-dating is the point.
     */
    Timing check(Instant occurredAt, String lateReason, Instant now, Actor actor, boolean imported) {
        if (occurredAt == null) {
            return new Timing(now, false, null);
        }
        if (occurredAt.isAfter(now.plus(skew))) {
            throw InvalidInputException.of("occurredAt", "not-future", "occurredAt " + occurredAt + " is "
                    + minutes(Duration.between(now, occurredAt)) + " after the node's clock (" + now + "), more than the "
                    + skew.toMinutes() + " minutes allowed: a crossing is recorded when it happens; check the device's clock");
        }
        if (!occurredAt.isBefore(now.minus(skew))) {
            return new Timing(occurredAt, false, null);
        }
        if (imported) {
            return new Timing(occurredAt, true, null);
        }
        String late = minutes(Duration.between(occurredAt, now)) + " before the node's clock (" + now + ")";
        if (actor.user().role() == Role.OFFICER) {
            throw InvalidInputException.of("occurredAt", "max-skew", "occurredAt " + occurredAt + " is " + late
                    + ", more than the " + skew.toMinutes() + " minutes allowed: a late crossing is recorded by a"
                    + " supervisor with a lateReason");
        }
        if (lateReason == null || lateReason.isBlank()) {
            throw InvalidInputException.of("lateReason", "required", "occurredAt " + occurredAt + " is " + late
                    + ": a crossing recorded more than " + skew.toMinutes() + " minutes late needs a lateReason");
        }
        if (lateReason.length() > MAX_REASON) {
            throw InvalidInputException.of("lateReason", "length", "lateReason must be at most " + MAX_REASON
                    + " characters (got " + lateReason.length() + ")");
        }
        return new Timing(occurredAt, true, lateReason.strip());
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 120 ? (m / 60) + " hours" : m + " minutes";
    }
}

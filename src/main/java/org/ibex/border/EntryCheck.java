package org.ibex.border;

import java.util.Objects;

/**
 * Whether a new entry on a given day is within the stay rule, the reason an officer reads, and how
 * many days the person could then stay ({@link Integer#MAX_VALUE} when the rule sets no limit).
 */
public record EntryCheck(boolean allowed, String reason, int daysAvailable) {

    /** Days available when the rule sets no limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public EntryCheck {
        Objects.requireNonNull(reason, "reason must not be null");
        if (daysAvailable < 0) {
            throw new IllegalArgumentException("daysAvailable must be >= 0 (" + daysAvailable + ")");
        }
    }
}

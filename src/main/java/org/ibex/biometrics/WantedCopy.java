package org.ibex.biometrics;

import java.time.Instant;

/**
 * One wanted person's prints as headquarters publishes them to its posts: the reference headquarters knows the flag
 * by, the name and reason an officer reads at the gate, when it was flagged, and the templates.
 */
public record WantedCopy(String reference, String name, String reason, Instant flaggedAt, FingerSet fingers) {
    /** Longest reference, name and reason a copy may carry (the columns' widths). */
    public static final int MAX_REFERENCE = 80;
    public static final int MAX_NAME = 420;
    public static final int MAX_REASON = 500;

    /** Refuses a copy no post could store, naming the field. */
    public WantedCopy {
        require(reference != null && !reference.isBlank() && reference.length() <= MAX_REFERENCE, "reference",
                "is required, at most " + MAX_REFERENCE + " characters");
        require(name != null && !name.isBlank() && name.length() <= MAX_NAME, "name",
                "is required, at most " + MAX_NAME + " characters");
        require(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON, "reason",
                "is required, at most " + MAX_REASON + " characters");
        require(flaggedAt != null, "flaggedAt", "is required");
        require(fingers != null && !fingers.capturedPositions().isEmpty(), "fingers", "must hold at least one template");
    }

    private static void require(boolean holds, String field, String rule) {
        if (!holds) {
            throw new IllegalArgumentException(field + " " + rule);
        }
    }
}

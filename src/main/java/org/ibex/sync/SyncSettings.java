package org.ibex.sync;

import org.ibex.reference.ReferenceSettings;
import org.ibex.store.DataFolder;

import java.time.Duration;

/**
 * When sync state counts as stale: a reference copy older than {@code reference.max-age-hours} (default 24), and a
 * post (or, at a post, its headquarters) not heard from for more than {@code sync.quiet-hours} (default 6).
 */
public record SyncSettings(Duration referenceMaxAge, Duration quietAfter) {
    public static final SyncSettings DEFAULTS = new SyncSettings(Duration.ofHours(24), Duration.ofHours(6));
    private static final long MAX_HOURS = 24L * 366;

    public SyncSettings {
        if (referenceMaxAge.isNegative() || referenceMaxAge.isZero() || quietAfter.isNegative() || quietAfter.isZero()) {
            throw new IllegalArgumentException("sync ages must be positive");
        }
    }

    /**
     * Reads both settings: the reference copies' age as the reference pillar reads it (one setting, one rule), the
     * quiet time as a whole number of hours 1..8784.
     */
    public static SyncSettings read(DataFolder folder) {
        return new SyncSettings(ReferenceSettings.read(folder).maxAge(),
                Duration.ofHours(folder.wholeNumber("sync.quiet-hours", DEFAULTS.quietAfter().toHours(), 1, MAX_HOURS,
                        "hours")));
    }
}

package org.ibex.sync;

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

    /** Reads both settings, refusing a value that is not a whole number of hours 1..8784 with the setting's name. */
    public static SyncSettings read(DataFolder folder) {
        return new SyncSettings(hours(folder, "reference.max-age-hours", DEFAULTS.referenceMaxAge().toHours()),
                hours(folder, "sync.quiet-hours", DEFAULTS.quietAfter().toHours()));
    }

    private static Duration hours(DataFolder folder, String name, long fallback) {
        String value = folder.setting(name, Long.toString(fallback));
        try {
            long hours = Long.parseLong(value.strip());
            if (hours >= 1 && hours <= MAX_HOURS) {
                return Duration.ofHours(hours);
            }
        } catch (NumberFormatException e) {
            // Reported below with the range, like a value out of it.
        }
        throw new IllegalArgumentException(name + " must be a whole number of hours 1.." + MAX_HOURS + " (got '" + value
                + "'; set in ibex.properties or " + DataFolder.variable(name) + ")");
    }
}

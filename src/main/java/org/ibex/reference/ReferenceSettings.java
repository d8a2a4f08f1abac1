package org.ibex.reference;

import org.ibex.store.DataFolder;

import java.time.Duration;

/**
 * How reference data ages: {@code reference.max-age-hours} (default 24), past which a post's copy is stale at
 * inspection; {@code reference.validity-hours} (default 72), how long headquarters says a copy may be trusted; and
 * {@code reference.publish-seconds} (default 5), how often headquarters looks for datasets to publish; and
 * {@code reference.wanted-prints} (default false), whether headquarters sends its posts the fingerprints of the persons
 * it flags as wanted (templates of people leave headquarters only where a ministry decided they should).
 */
public record ReferenceSettings(Duration maxAge, Duration validity, Duration publishPeriod, boolean wantedPrints) {
    public static final ReferenceSettings DEFAULTS = new ReferenceSettings(Duration.ofHours(24), Duration.ofHours(72),
            Duration.ofSeconds(5), false);

    public ReferenceSettings {
        if (maxAge.isNegative() || maxAge.isZero() || validity.isNegative() || validity.isZero()
                || publishPeriod.isNegative() || publishPeriod.isZero()) {
            throw new IllegalArgumentException("reference durations must be positive");
        }
    }

    /**
     * How old a publication may grow before headquarters renews it: half the shorter of the age and the validity, so
     * a post that is online gets a fresh copy well before either runs out.
     */
    public Duration renewAfter() {
        return (maxAge.compareTo(validity) < 0 ? maxAge : validity).dividedBy(2);
    }

    public static ReferenceSettings read(DataFolder folder) {
        return new ReferenceSettings(Duration.ofHours(amount(folder, "reference.max-age-hours", 24, 1, 24 * 365)),
                Duration.ofHours(amount(folder, "reference.validity-hours", 72, 1, 24 * 365)),
                Duration.ofSeconds(amount(folder, "reference.publish-seconds", 5, 1, 3600)),
                folder.flag("reference.wanted-prints", false));
    }

    private static long amount(DataFolder folder, String name, long fallback, long min, long max) {
        return folder.wholeNumber(name, fallback, min, max, name.endsWith("-seconds") ? "seconds" : "hours");
    }
}

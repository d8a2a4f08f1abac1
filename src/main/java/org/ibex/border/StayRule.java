package org.ibex.border;

import java.time.LocalDate;

/**
 * How long a person may stay: exempt, a fixed number of days per entry, a rolling "days in any
 * window" limit, or the terms of a visa. For {@link Kind#VISA}, {@code days} holds the visa's
 * duration of stay and {@code entriesAllowed} null means multiple entries.
 */
public record StayRule(Kind kind, int days, int windowDays, LocalDate validFrom, LocalDate validUntil,
        Integer entriesAllowed) {

    /** The kinds of stay limit. */
    public enum Kind {
        EXEMPT,
        FIXED_PER_ENTRY,
        ROLLING,
        VISA
    }

    public StayRule {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind != Kind.VISA && (validFrom != null || validUntil != null || entriesAllowed != null)) {
            throw new IllegalArgumentException(
                    "validFrom, validUntil and entriesAllowed apply only to VISA rules, not " + kind);
        }
        if (kind != Kind.ROLLING && windowDays != 0) {
            throw new IllegalArgumentException(
                    "windowDays applies only to ROLLING rules, not " + kind + " (" + windowDays + ")");
        }
        switch (kind) {
            case EXEMPT -> {
                if (days != 0) {
                    throw new IllegalArgumentException("days must be 0 for EXEMPT rules (" + days + ")");
                }
            }
            case FIXED_PER_ENTRY -> requirePositive("days", days);
            case ROLLING -> {
                requirePositive("days", days);
                if (windowDays < days) {
                    throw new IllegalArgumentException(
                            "windowDays must be >= days (" + days + " > " + windowDays + ")");
                }
            }
            case VISA -> validateVisa(days, validFrom, validUntil, entriesAllowed);
        }
    }

    /** No limit: nationals and exempt nationalities. */
    public static StayRule exempt() {
        return new StayRule(Kind.EXEMPT, 0, 0, null, null, null);
    }

    /** Each entry allows {@code days} days, the entry day being day 1. */
    public static StayRule fixedPerEntry(int days) {
        return new StayRule(Kind.FIXED_PER_ENTRY, days, 0, null, null, null);
    }

    /** At most {@code days} days of stay in any period of {@code windowDays} days, e.g. 90 in any 180. */
    public static StayRule rolling(int days, int windowDays) {
        return new StayRule(Kind.ROLLING, days, windowDays, null, null, null);
    }

    /**
     * A visa valid {@code validFrom..validUntil} for {@code entriesAllowed} entries (null: multiple) and
     * {@code durationDays} days of stay in total across its entries.
     */
    public static StayRule visa(LocalDate validFrom, LocalDate validUntil, Integer entriesAllowed, int durationDays) {
        return new StayRule(Kind.VISA, durationDays, 0, validFrom, validUntil, entriesAllowed);
    }

    /** The rule as an officer reads it, e.g. "90 days in any 180". */
    public String describe() {
        return switch (kind) {
            case EXEMPT -> "exempt";
            case FIXED_PER_ENTRY -> Days.count(days, "day") + " per entry";
            case ROLLING -> Days.count(days, "day") + " in any " + windowDays;
            case VISA -> "visa " + validFrom + ".." + validUntil + ", "
                    + (entriesAllowed == null ? "multiple entries"
                            : entriesAllowed + (entriesAllowed == 1 ? " entry" : " entries"))
                    + ", " + Days.count(days, "day");
        };
    }

    private static void validateVisa(int durationDays, LocalDate validFrom, LocalDate validUntil,
            Integer entriesAllowed) {
        requirePositive("durationDays", durationDays);
        if (validFrom == null || validUntil == null) {
            throw new IllegalArgumentException("validFrom and validUntil are required for a VISA rule ("
                    + validFrom + ".." + validUntil + ")");
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException(
                    "validUntil must not be before validFrom (" + validFrom + " > " + validUntil + ")");
        }
        if (entriesAllowed != null && entriesAllowed < 1) {
            throw new IllegalArgumentException(
                    "entriesAllowed must be >= 1, or null for multiple entries (" + entriesAllowed + ")");
        }
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1 (" + value + ")");
        }
    }
}

package org.ibex.border;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The configured stay rules of the node and how they become the concrete rule for one traveller.
 * A configured VISA rule has no dates of its own: it means "count by the terms of the visa presented",
 * so it is stored as {@link #VISA_TERMS} and replaced by the permit's validity, entries and duration.
 */
public final class StayPolicy {
    /** Marker for "the presented visa defines the stay"; never used to count days. */
    public static final StayRule VISA_TERMS = StayRule.visa(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null, 1);
    private final StayRuleBook book;

    /** A rule resolved for one traveller, or the reason none could be. */
    public record Resolved(StayRule rule, String problem) {
    }

    public StayPolicy(Map<StayRuleKey, StayRule> rules, StayRule defaultRule) {
        this.book = new StayRuleBook(rules, Objects.requireNonNull(defaultRule));
    }

    /** The rule a configured kind stands for; {@code days} and {@code windowDays} are read only where they apply. */
    public static StayRule configured(StayRule.Kind kind, int days, int windowDays) {
        return switch (kind) {
            case EXEMPT -> StayRule.exempt();
            case FIXED_PER_ENTRY -> StayRule.fixedPerEntry(days);
            case ROLLING -> StayRule.rolling(days, windowDays);
            case VISA -> VISA_TERMS;
        };
    }

    public StayRuleBook book() {
        return book;
    }

    public Resolved resolve(String nationality, Permit permit) {
        StayRule rule = book.resolve(nationality, permit == null ? null : permit.type());
        if (!rule.equals(VISA_TERMS)) {
            return new Resolved(rule, null);
        }
        if (permit == null || permit.validFrom() == null || permit.validUntil() == null || permit.days() == null) {
            return new Resolved(null, "stay is defined by the visa, but the visa's validity dates and duration of"
                    + " stay were not given (permit.validFrom, permit.validUntil, permit.days)");
        }
        try {
            return new Resolved(StayRule.visa(permit.validFrom(), permit.validUntil(), permit.entries(), permit.days()), null);
        } catch (IllegalArgumentException e) {
            return new Resolved(null, "visa terms unusable: " + e.getMessage());
        }
    }
}

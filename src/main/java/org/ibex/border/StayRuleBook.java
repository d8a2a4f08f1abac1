package org.ibex.border;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable table of stay rules by nationality and permit type, with a default for everyone else. */
public final class StayRuleBook {

    private final Map<StayRuleKey, StayRule> rules;
    private final StayRule defaultRule;

    /** Copies {@code rules}; key components may be null for "any", rules and keys may not be null. */
    public StayRuleBook(Map<StayRuleKey, StayRule> rules, StayRule defaultRule) {
        Objects.requireNonNull(rules, "rules must not be null");
        this.rules = Map.copyOf(rules);
        this.defaultRule = Objects.requireNonNull(defaultRule, "defaultRule must not be null");
    }

    /**
     * The rule for a person, most specific first: (nationality, permitType), (any, permitType),
     * (nationality, any), (any, any), then the default. A permit outranks a nationality because the
     * permit is what sets the stay for the holder of a visa or residence permit.
     */
    public StayRule resolve(String nationality, String permitType) {
        List<StayRuleKey> mostSpecificFirst = List.of(
                new StayRuleKey(nationality, permitType),
                new StayRuleKey(null, permitType),
                new StayRuleKey(nationality, null),
                StayRuleKey.any());
        for (StayRuleKey key : mostSpecificFirst) {
            StayRule rule = rules.get(key);
            if (rule != null) {
                return rule;
            }
        }
        return defaultRule;
    }

    /** The configured rules, unmodifiable. */
    public Map<StayRuleKey, StayRule> rules() {
        return rules;
    }

    /** The rule used when no key matches. */
    public StayRule defaultRule() {
        return defaultRule;
    }
}

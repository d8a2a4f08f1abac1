package org.ibex.border;

/** Selects a {@link StayRule} by nationality and visa/permit type; a null component means "any". */
public record StayRuleKey(String nationality, String permitType) {

    /** The key that matches every nationality and permit type. */
    public static StayRuleKey any() {
        return new StayRuleKey(null, null);
    }
}

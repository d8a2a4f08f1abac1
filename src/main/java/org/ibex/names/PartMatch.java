package org.ibex.names;

/** One part of name A paired with one part of name B, the rule that paired them and its score in [0,1]. */
public record PartMatch(String a, String b, MatchRule rule, double score) {
    @Override
    public String toString() {
        String sign = rule == MatchRule.EXACT || rule == MatchRule.TRANSLITERATION_VARIANT ? " = " : " ~ ";
        return a + sign + b + " (" + rule.name().toLowerCase().replace('_', ' ') + ", "
                + String.format(java.util.Locale.ROOT, "%.2f", score) + ")";
    }
}

package org.ibex.names;

/**
 * One part of name A paired with one part of name B, the rule that paired them and its score in [0,1];
 * for a Latin part paired with another script, {@code reading} is the romanisation of the other part
 * that scored best (格鲁亚 read as gruia), else null.
 */
public record PartMatch(String a, String b, MatchRule rule, double score, String reading) {
    public PartMatch(String a, String b, MatchRule rule, double score) {
        this(a, b, rule, score, null);
    }

    @Override
    public String toString() {
        String sign = rule == MatchRule.EXACT || rule == MatchRule.TRANSLITERATION_VARIANT ? " = " : " ~ ";
        String shownA = reading != null && Script.of(a) != Script.LATIN ? a + " [" + reading + "]" : a;
        String shownB = reading != null && Script.of(b) != Script.LATIN ? b + " [" + reading + "]" : b;
        return shownA + sign + shownB + " (" + rule.name().toLowerCase().replace('_', ' ') + ", "
                + String.format(java.util.Locale.ROOT, "%.2f", score) + ")";
    }
}

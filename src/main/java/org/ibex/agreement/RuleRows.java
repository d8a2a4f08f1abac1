package org.ibex.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored questions a rule's quota counts: those of its query types and purposes. The gate and the quota
 * shown on the screens count with the same condition, so both say the same of a rule.
 */
public final class RuleRows {
    private RuleRows() {
    }

    /** {@code query_type IN (…) AND purpose IN (…)}, for a table with those two columns. */
    public static String where(AgreementRule rule) {
        return "query_type IN (" + marks(rule.queries().size()) + ") AND purpose IN ("
                + marks(rule.purposes().size()) + ")";
    }

    /** The values for {@link #where}'s marks, in order. */
    public static List<Object> values(AgreementRule rule) {
        List<Object> values = new ArrayList<>();
        rule.queries().stream().map(QueryType::code).sorted().forEach(values::add);
        rule.purposes().stream().sorted().forEach(values::add);
        return values;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}

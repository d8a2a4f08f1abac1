package org.ibex.analytics;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.disclosure.DisclosureControl;
import org.ibex.disclosure.ProtectedTable;
import org.ibex.disclosure.TwoWayTable;
import org.ibex.input.FieldRuleException;

import java.util.ArrayList;
import java.util.List;

/**
 * Border flows leaving the node (for another agency, a partner state, IOM or the public): always a two-way table
 * under disclosure control, and every such export in the access log with what it counted and what it suppressed.
 */
public final class FlowExports {
    /** Below three, a published cell or its complement can name one person or a couple. */
    public static final int MIN_THRESHOLD = 3;
    public static final int DEFAULT_THRESHOLD = 10;
    private final Flows flows;
    private final AccessLog accessLog;

    public FlowExports(Flows flows, AccessLog accessLog) {
        this.flows = flows;
        this.accessLog = accessLog;
    }

    /** The crossings of {@code query} (exactly two dimensions) as a protected two-way table. */
    public ProtectedTable crossings(FlowQuery query, int threshold, int roundingBase, Actor actor) {
        if (query.by().size() != 2) {
            throw new FieldRuleException("by", "two-way", "a table under disclosure control has exactly two"
                    + " dimensions, rows and columns (got " + query.by().size() + ")");
        }
        if (threshold < MIN_THRESHOLD) {
            throw new FieldRuleException("threshold", "minimum", "threshold must be at least " + MIN_THRESHOLD
                    + " (got " + threshold + ")");
        }
        if (roundingBase < 0 || roundingBase > 1000) {
            throw new FieldRuleException("rounding", "range", "rounding must be 0 (none) to 1000 (got "
                    + roundingBase + ")");
        }
        FlowTable table = flows.crossings(query, actor);
        List<TwoWayTable.Entry> entries = new ArrayList<>(table.rows().size());
        for (FlowTable.Row row : table.rows()) {
            entries.add(new TwoWayTable.Entry(row.keys().get(0), row.keys().get(1), row.crossings()));
        }
        ProtectedTable safe = new DisclosureControl(threshold, roundingBase).protect(TwoWayTable.tabulate(
                query.by().get(0).wireName(), query.by().get(1).wireName(), entries));
        accessLog.record(AccessLog.Access.by(actor, "stats.export", "crossings by " + query.by().get(0).wireName()
                + "," + query.by().get(1).wireName() + " " + query.from() + ".." + query.to() + " where "
                + query.where() + " threshold=" + threshold + " rounding=" + roundingBase + " suppressed="
                + safe.suppressed()));
        return safe;
    }
}

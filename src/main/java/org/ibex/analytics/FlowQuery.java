package org.ibex.analytics;

import org.ibex.input.FieldRuleException;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A question about border flows: crossings counted by some dimensions over days {@code from}..{@code to} (both
 * included), only those whose dimensions have the values {@code where} names. Breakdowns beyond post and direction
 * are kept by month, so a question asking for one counts whole months and may not ask by day or week.
 */
public record FlowQuery(List<FlowDimension> by, LocalDate from, LocalDate to, Map<FlowDimension, String> where) {
    /** The longest stretch one question may span: a hundred years of days is already more than any chart shows. */
    static final int MAX_DAYS = 36_600;

    public FlowQuery {
        by = List.copyOf(by);
        where = where.isEmpty() ? Map.of() : new EnumMap<>(where);
        if (new HashSet<>(by).size() != by.size()) {
            throw new FieldRuleException("by", "unique", "by names a dimension twice: " + by);
        }
        if (by.stream().filter(FlowDimension::period).count() > 1) {
            throw new FieldRuleException("by", "one-period", "by may name one of day, week and month, not several");
        }
        if (from == null || to == null) {
            throw new FieldRuleException(from == null ? "from" : "to", "required", "from and to are required dates");
        }
        if (to.isBefore(from)) {
            throw new FieldRuleException("to", "order", "to must not be before from (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new FieldRuleException("to", "range", "a question may span at most " + MAX_DAYS + " days");
        }
        for (FlowDimension d : where.keySet()) {
            if (d.period()) {
                throw new FieldRuleException(d.wireName(), "filter", "filter by from and to, not by " + d.wireName());
            }
        }
        if (monthly(by, where)) {
            if (by.contains(FlowDimension.DAY) || by.contains(FlowDimension.WEEK)) {
                throw new FieldRuleException("by", "monthly", "nationality, sex, age band and purpose are counted by"
                        + " month: ask by month, not by day or week");
            }
            if (from.getDayOfMonth() != 1) {
                throw new FieldRuleException("from", "whole-months", "nationality, sex, age band and purpose are"
                        + " counted by month: from must be the first day of a month (got " + from + ")");
            }
            if (!to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
                throw new FieldRuleException("to", "whole-months", "nationality, sex, age band and purpose are"
                        + " counted by month: to must be the last day of a month (got " + to + ")");
            }
        }
    }

    /** Whether only the month roll-up can answer it. */
    public boolean monthly() {
        return monthly(by, where);
    }

    /** The same question for the crossings of one post only. */
    public FlowQuery atPost(String postId) {
        Map<FlowDimension, String> narrowed = new EnumMap<>(FlowDimension.class);
        narrowed.putAll(where);
        narrowed.put(FlowDimension.POST, postId);
        return new FlowQuery(by, from, to, narrowed);
    }

    private static boolean monthly(List<FlowDimension> by, Map<FlowDimension, String> where) {
        return by.stream().anyMatch(FlowDimension::breakdown) || where.keySet().stream().anyMatch(
                FlowDimension::breakdown);
    }
}

package org.ibex.analytics;

import org.ibex.input.FieldRuleException;

import java.util.Locale;

/** What border flows can be counted by, with the name the API and the command line use. */
public enum FlowDimension {
    DAY("day", true),
    WEEK("week", true),
    MONTH("month", true),
    POST("post", false),
    DIRECTION("direction", false),
    NATIONALITY("nationality", false),
    SEX("sex", false),
    AGE_BAND("age-band", false),
    PURPOSE("purpose", false);

    private final String wireName;
    private final boolean period;

    FlowDimension(String wireName, boolean period) {
        this.wireName = wireName;
        this.period = period;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether it is a stretch of time (day, week, month) rather than a breakdown. */
    public boolean period() {
        return period;
    }

    /** Whether only the month roll-up keeps it: the breakdowns beyond post and direction. */
    public boolean breakdown() {
        return this == NATIONALITY || this == SEX || this == AGE_BAND || this == PURPOSE;
    }

    /** The dimension a name means, in any case; {@code field} names where the name was given, for the error. */
    public static FlowDimension parse(String field, String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (FlowDimension d : values()) {
            if (d.wireName.equals(wanted)) {
                return d;
            }
        }
        throw new FieldRuleException(field, "enum", field + " must be one of day, week, month, post, direction, nationality, sex,"
                + " age-band, purpose (got '" + name + "')");
    }
}

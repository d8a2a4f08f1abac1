package org.ibex.border;

/** The outcome of an inspection, ordered from least to most severe. */
public enum Decision {
    ADMIT, REFER, REFUSE;

    public Decision atLeast(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

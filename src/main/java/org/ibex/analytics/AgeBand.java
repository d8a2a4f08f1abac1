package org.ibex.analytics;

import org.ibex.input.FieldRuleException;

import java.time.LocalDate;
import java.time.Period;

/** Age on the day of a crossing, in the bands humanitarian statistics use (children, adults, elderly). */
public enum AgeBand {
    UNDER_5("0-4"),
    CHILD("5-17"),
    ADULT("18-59"),
    ELDERLY("60+"),
    UNKNOWN("unknown");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of someone born on {@code birth} (null when the document gives none) on {@code day}. */
    public static AgeBand on(LocalDate birth, LocalDate day) {
        if (birth == null || birth.isAfter(day)) {
            return UNKNOWN;
        }
        int years = Period.between(birth, day).getYears();
        return years < 5 ? UNDER_5 : years < 18 ? CHILD : years < 60 ? ADULT : ELDERLY;
    }

    /** The band a label names, as the API and the command line write it. */
    public static AgeBand parse(String label) {
        for (AgeBand band : values()) {
            if (band.label.equals(label)) {
                return band;
            }
        }
        throw new FieldRuleException("age-band", "enum", "age-band must be one of 0-4, 5-17, 18-59, 60+, unknown (got '" + label
                + "')");
    }
}

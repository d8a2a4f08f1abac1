package org.ibex.watchlist;

import java.time.LocalDate;
import java.util.List;

/**
 * How a traveller's birth date fits the BEST of all the dates a list gives for a person (lists give several as
 * alternatives, so one that fits is enough and a second listed date is never a conflict). A full listed date
 * may be one keying error off; a year, a month or a range is approximate, so it fits when the date lies in it and
 * is near when the year is one off — never "one digit off" decades apart.
 */
public enum BirthEvidence {
    /** A full listed date equals it. */
    EXACT,
    /** It lies in a year, a month or a range of years the list gives. */
    FITS,
    /** A full listed date differs in one digit of yyyyMMdd, or has day and month swapped. */
    ONE_DIGIT_OFF,
    /** A listed year (or month or range) is one year off: lists round approximate years. */
    NEAR_YEAR,
    /** No listed date fits and the list gives a full one: a namesake, unless a date was mistyped twice. */
    CONFLICT,
    /** No listed date fits and the list gives only approximate ones. */
    CONFLICT_APPROXIMATE,
    /** The traveller's date or the listed dates are unknown. */
    UNKNOWN;

    /** The best fit, with the listed date that gave it (null when UNKNOWN). */
    public record Fit(BirthEvidence evidence, PartialDate listed) {
    }

    public static Fit best(List<PartialDate> listed, LocalDate birth) {
        if (birth == null || listed.isEmpty()) {
            return new Fit(UNKNOWN, null);
        }
        Fit best = null;
        boolean anyFull = false;
        for (PartialDate date : listed) {
            boolean full = BirthDates.isFull(date);
            anyFull |= full;
            BirthEvidence e = of(date, full, birth);
            if (best == null || e.ordinal() < best.evidence().ordinal()) {
                best = new Fit(e, date);
            }
        }
        if (best.evidence() == CONFLICT_APPROXIMATE && anyFull) {
            PartialDate shown = listed.stream().filter(BirthDates::isFull).findFirst().orElse(best.listed());
            return new Fit(CONFLICT, shown);
        }
        return best;
    }

    private static BirthEvidence of(PartialDate date, boolean full, LocalDate birth) {
        PartialDate.Compatibility c = date.compareTo(birth);
        if (full) {
            return switch (c) {
                case EXACT -> EXACT;
                case ONE_DIGIT_OFF -> ONE_DIGIT_OFF;
                default -> CONFLICT_APPROXIMATE;
            };
        }
        if (c == PartialDate.Compatibility.PARTIAL_MATCH || c == PartialDate.Compatibility.EXACT) {
            return FITS;
        }
        int to = date.yearTo() == null ? date.year() : date.yearTo();
        boolean nearYear = birth.getYear() >= date.year() - 1 && birth.getYear() <= to + 1;
        return nearYear ? NEAR_YEAR : CONFLICT_APPROXIMATE;
    }
}

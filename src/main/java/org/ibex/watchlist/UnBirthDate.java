package org.ibex.watchlist;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One INDIVIDUAL_DATE_OF_BIRTH of the UN list: DATE (an xs:date, possibly with a time zone such as
 * {@code 1962-11-09-05:00}), YEAR, FROM_YEAR and TO_YEAR, or only a NOTE in prose. TYPE_OF_DATE (EXACT,
 * APPROXIMATELY, BETWEEN) adds nothing the elements present do not already say.
 */
record UnBirthDate(String date, String year, String fromYear, String toYear, String note) {
    static final String ELEMENT = "INDIVIDUAL_DATE_OF_BIRTH";
    /** xs:date's optional time zone: Z, +hh:mm or -hh:mm after the day. */
    private static final Pattern ZONED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:Z|[+-]\\d{2}:\\d{2})");

    boolean isEmpty() {
        return date == null && year == null && fromYear == null && toYear == null && note == null;
    }

    /** The dates this element gives; what does not read is a warning on the row. */
    List<PartialDate> dates(RowChecks checks, LocalDate listedOn) {
        String text = text();
        if (text != null) {
            PartialDate date = checks.lenient(ELEMENT, text, PartialDate::parse);
            if (date == null) {
                return List.of();
            }
            // "Sep." beside YEAR 1958: the note narrows the year to a month.
            if (date.month() == null && date.yearTo() == null && note != null) {
                List<PartialDate> fromNote = NoteDates.read(note, date.year(), listedOn);
                if (fromNote.size() == 1 && date.year().equals(fromNote.get(0).year())) {
                    return fromNote;
                }
            }
            return List.of(date);
        }
        List<PartialDate> fromNote = NoteDates.read(note, null, listedOn);
        if (fromNote.isEmpty() && note != null) {
            checks.warning(ELEMENT, RowError.DATE_FORMAT, ELEMENT + " NOTE '" + RowChecks.shown(note) + "' holds no"
                    + " birth date that can be read; it is not kept");
        }
        return fromNote;
    }

    /** An xs:date without its time zone: the day is what the list means, wherever it was written. */
    static String withoutZone(String xsDate) {
        if (xsDate == null) {
            return null;
        }
        var zoned = ZONED.matcher(xsDate);
        return zoned.matches() ? zoned.group(1) : xsDate;
    }

    private String text() {
        if (date != null) {
            return withoutZone(date);
        }
        if (year != null) {
            return year;
        }
        return fromYear != null && toYear != null ? fromYear + ".." + toYear : fromYear != null ? fromYear : toYear;
    }
}

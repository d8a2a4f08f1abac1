package org.ibex.watchlist;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date of birth as lists give it: a year, a year and month, a full date, or a range of years
 * ({@code yearTo} set, month and day absent). "circa 1970" is kept as the year alone.
 */
public record PartialDate(Integer year, Integer month, Integer day, Integer yearTo) {

    /** How a traveller's birth date fits a listed partial date; feeds the screening score. */
    public enum Compatibility {
        /** Every part given and equal. */
        EXACT,
        /** All given parts equal (or the year lies in the range), some parts not given. */
        PARTIAL_MATCH,
        /** Differs in exactly one digit of yyyyMMdd, or has day and month swapped: a likely typing error. */
        ONE_DIGIT_OFF,
        CONFLICT,
        /** Nothing to compare. */
        UNKNOWN
    }

    public PartialDate {
        if (year == null) {
            throw new InvalidEntryException("year", RowError.REQUIRED, "a date needs at least a year");
        }
        range("year", year, 1000, 9999);
        if (month != null) {
            range("month", month, 1, 12);
        }
        if (day != null) {
            if (month == null) {
                throw new InvalidEntryException("day", RowError.RANGE, "day " + day + " is given without a month");
            }
            range("day", day, 1, YearMonth.of(year, month).lengthOfMonth());
        }
        if (yearTo != null && (month != null || yearTo <= year)) {
            throw new InvalidEntryException("yearTo", RowError.RANGE, "a range of years runs from a year to a later"
                    + " year, without month or day; got " + year + ".." + yearTo);
        }
    }

    /**
     * Reads yyyy, yyyy-MM, yyyy-MM-dd, dd.MM.yyyy, dd/MM/yyyy, "circa 1970" ("c. 1970", "ca. 1970",
     * "approximately 1970"), and ranges "1968-1972", "1968 to 1972", "1968..1972". Blank or null gives null.
     *
     * @throws InvalidEntryException naming the accepted forms
     */
    public static PartialDate parse(String text) {
        return PartialDateFormats.parse(text);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), null);
    }

    /** How {@code birth} fits this date; {@link Compatibility#UNKNOWN} when birth is null. */
    public Compatibility compareTo(LocalDate birth) {
        if (birth == null) {
            return Compatibility.UNKNOWN;
        }
        if (yearTo != null) {
            boolean inside = birth.getYear() >= year && birth.getYear() <= yearTo;
            return inside ? Compatibility.PARTIAL_MATCH : Compatibility.CONFLICT;
        }
        String listed = digits(year, month, day);
        String given = digits(birth.getYear(), month == null ? null : birth.getMonthValue(),
                day == null ? null : birth.getDayOfMonth());
        if (listed.equals(given)) {
            return day == null ? Compatibility.PARTIAL_MATCH : Compatibility.EXACT;
        }
        boolean swapped = day != null && year == birth.getYear() && day == birth.getMonthValue()
                && month == birth.getDayOfMonth();
        return swapped || differInOneDigit(listed, given) ? Compatibility.ONE_DIGIT_OFF : Compatibility.CONFLICT;
    }

    /** ISO-like: "1970", "1970-05", "1970-05-17", or "1968..1972"; {@link #parse} reads it back. */
    @Override
    public String toString() {
        // Years are 1000..9999 (checked above), so only month and day need a leading zero; String.format cost a
        // list's import and every replica a measurable share of their time.
        if (yearTo != null) {
            return year + ".." + yearTo;
        }
        return month == null ? Integer.toString(year)
                : day == null ? year + "-" + twoDigits(month)
                : year + "-" + twoDigits(month) + "-" + twoDigits(day);
    }

    private static String digits(int year, Integer month, Integer day) {
        // A traveller's year may lie outside 1000..9999: it keeps the padding String.format gave it.
        String y = year >= 1000 && year <= 9999 ? Integer.toString(year) : String.format("%04d", year);
        return y + (month == null ? "" : twoDigits(month)) + (day == null ? "" : twoDigits(day));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static boolean differInOneDigit(String a, String b) {
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
            }
        }
        return differences == 1;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidEntryException(field, RowError.RANGE, field + " " + value + " is outside " + min + ".."
                    + max);
        }
    }
}

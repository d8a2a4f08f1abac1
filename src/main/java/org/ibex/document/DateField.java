package org.ibex.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/** Reads YYMMDD dates and picks the century: births never lie in the future, expiries at most 20 years ahead. */
final class DateField {
    private static final int EXPIRY_YEARS_AHEAD = 20;
    private final LocalDate today;

    DateField(LocalDate today) {
        this.today = today;
    }

    LocalDate birth(Field field, List<String> lines, Findings out) {
        String raw = field.in(lines);
        // Doc 9303 Part 3 prints unknown parts of a birth date as fillers; that is a legal, unknown date.
        if (raw.indexOf(Fillers.FILLER) >= 0 && raw.chars().allMatch(c -> c == Fillers.FILLER || isDigit(c))) {
            return null;
        }
        return read(field, raw, today, out);
    }

    LocalDate expiry(Field field, List<String> lines, Findings out) {
        return read(field, field.in(lines), today.plusYears(EXPIRY_YEARS_AHEAD), out);
    }

    /** The latest date the field may mean decides the century: the latest such date not after it. */
    private static LocalDate read(Field field, String raw, LocalDate latest, Findings out) {
        if (!raw.chars().allMatch(DateField::isDigit)) {
            out.error(field.name(), "date", field.position(),
                    field.name() + " must be six digits YYMMDD, found '" + raw + "'", raw);
            return null;
        }
        int yy = Integer.parseInt(raw.substring(0, 2));
        int month = Integer.parseInt(raw.substring(2, 4));
        int day = Integer.parseInt(raw.substring(4, 6));
        int year = latest.getYear() - Math.floorMod(latest.getYear(), 100) + yy;
        if (year * 10_000 + month * 100 + day > latest.getYear() * 10_000 + latest.getMonthValue() * 100
                + latest.getDayOfMonth()) {
            year -= 100;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            out.error(field.name(), "date", field.position(), field.name() + " '" + raw
                    + "' is not a calendar date (expected YYMMDD with month 01-12 and a day in that month)", raw);
            return null;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}

package org.ibex.watchlist;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The written forms of {@link PartialDate}, tried in turn. */
final class PartialDateFormats {
    static final String ACCEPTED = "yyyy, yyyy-MM, yyyy-MM-dd, dd.MM.yyyy, dd/MM/yyyy, circa yyyy (c. yyyy,"
            + " approximately yyyy), or a range yyyy-yyyy, yyyy to yyyy, yyyy..yyyy";
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(?:between )?(\\d{4}) ?(?:-|–|\\.\\.|to|and) ?(\\d{4})");
    private static final Pattern CIRCA = Pattern.compile("(?:approximately|approx\\.?|circa|ca\\.?|c\\.|about) ?(.+)");

    private PartialDateFormats() {
    }

    static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher circa = CIRCA.matcher(clean);
        // The model keeps no "approximately" flag: the year alone already widens the comparison.
        PartialDate date = circa.matches() ? exact(circa.group(1)) : exact(clean);
        if (date == null) {
            throw new InvalidEntryException("date", RowError.DATE_FORMAT, "date '" + text + "' is not in a known form;"
                    + " use " + ACCEPTED);
        }
        return date;
    }

    private static PartialDate exact(String text) {
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return new PartialDate(number(m.group(1)), number(m.group(2)), number(m.group(3)), null);
        }
        m = DAY_FIRST.matcher(text);
        if (m.matches()) {
            return new PartialDate(number(m.group(4)), number(m.group(3)), number(m.group(1)), null);
        }
        m = RANGE.matcher(text);
        if (m.matches()) {
            int from = number(m.group(1));
            int to = number(m.group(2));
            return new PartialDate(from, null, null, to == from ? null : to);
        }
        return null;
    }

    private static Integer number(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }
}

package org.ibex.watchlist;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Birth dates written as prose, as the UN's NOTE elements give them where no DATE or YEAR does: "Nov. 1973",
 * "August 1961", "1 Jan. 1953", "Between Aug. and Sep. 1977" (the year), "born 1955", a Hijri date
 * "24/06/1402 (Hijri Calendar)", or an age at listing ("29 years old", "30-35 years old"). What cannot be read
 * gives nothing: the caller warns.
 */
final class NoteDates {
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    private static final String MONTH_NAMES = "(january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b";
    private static final Pattern MONTH = Pattern.compile("\\b" + MONTH_NAMES);
    private static final Pattern DAY_BEFORE_MONTH = Pattern.compile("\\b(\\d{1,2})\\s*" + MONTH_NAMES);
    private static final Pattern HIJRI = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](1[34]\\d\\d)\\b.*hijri.*");
    private static final Pattern AGE = Pattern.compile("(?:aged? )?(\\d{1,3})(?:\\s*(?:-|–|to)\\s*(\\d{1,3}))?"
            + " years? old");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    /** A note longer than this is no date with a few words around it; it is not searched. */
    static final int MAX_NOTE = 300;

    private NoteDates() {
    }

    /**
     * The dates a note gives; {@code knownYear} completes a note that names only a month ("Sep." beside YEAR
     * 1958), {@code listedOn} turns an age at listing into a range of years. Empty when nothing can be read.
     */
    static List<PartialDate> read(String note, Integer knownYear, LocalDate listedOn) {
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            return List.of();
        }
        String text = note.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        Matcher hijri = HIJRI.matcher(text);
        if (hijri.matches()) {
            return hijri(hijri);
        }
        Matcher age = AGE.matcher(text);
        if (age.find()) {
            return listedOn == null ? List.of() : age(age, listedOn);
        }
        List<Integer> years = new ArrayList<>();
        for (Matcher m = YEAR.matcher(text); m.find(); ) {
            int year = Integer.parseInt(m.group(1));
            if (!years.contains(year)) {
                years.add(year);
            }
        }
        if (years.isEmpty() && knownYear == null) {
            return List.of();
        }
        if (years.size() > 1) {
            // "1955 or 1956": each year is a listed alternative; months or days cannot be told apart.
            return years.stream().map(y -> new PartialDate(y, null, null, null)).toList();
        }
        int year = years.isEmpty() ? knownYear : years.get(0);
        List<Integer> months = months(text);
        if (months.size() != 1) {
            // No month, or "Between Aug. and Sep. 1977": the year is what the note says for sure.
            return years.isEmpty() ? List.of() : List.of(new PartialDate(year, null, null, null));
        }
        Matcher day = DAY_BEFORE_MONTH.matcher(text);
        Integer d = day.find() ? Integer.valueOf(day.group(1)) : null;
        try {
            return List.of(new PartialDate(year, months.get(0), d, null));
        } catch (InvalidEntryException e) {
            return List.of(new PartialDate(year, months.get(0), null, null));
        }
    }

    private static List<Integer> months(String text) {
        List<Integer> months = new ArrayList<>();
        for (Matcher m = MONTH.matcher(text); m.find(); ) {
            Integer month = MONTHS.get(m.group(1).substring(0, 3));
            if (!months.contains(month)) {
                months.add(month);
            }
        }
        return months;
    }

    private static List<PartialDate> hijri(Matcher m) {
        try {
            LocalDate date = LocalDate.from(HijrahDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))));
            return List.of(PartialDate.of(date));
        } catch (DateTimeException e) {
            return List.of();
        }
    }

    /** Someone aged A on the listing date was born in the year of listing less A, or the year before. */
    private static List<PartialDate> age(Matcher m, LocalDate listedOn) {
        int youngest = Integer.parseInt(m.group(1));
        int oldest = m.group(2) == null ? youngest : Integer.parseInt(m.group(2));
        if (oldest < youngest || oldest > 120) {
            return List.of();
        }
        int to = listedOn.getYear() - youngest;
        int from = listedOn.getYear() - oldest - 1;
        return List.of(new PartialDate(from, null, null, to));
    }
}

package org.ibex.border;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which overstayers a list asks for: a nationality, the post of the entry that began the stay, and a least number of
 * days over. Blank means any; each value is checked here, so every caller (API, screens) refuses the same input.
 */
public record OverstayerFilter(String nationality, String entryPost, int minOverstayDays) {
    /** Everyone who overstays. */
    public static final OverstayerFilter ALL = new OverstayerFilter(null, null, 0);
    private static final Pattern STATE = Pattern.compile("[A-Z<]{3}");
    private static final Pattern POST = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    public OverstayerFilter {
        nationality = blankToNull(nationality);
        entryPost = blankToNull(entryPost);
        if (nationality != null) {
            nationality = nationality.toUpperCase(Locale.ROOT);
            if (!STATE.matcher(nationality).matches()) {
                throw InvalidInputException.of("nationality", "format",
                        "nationality must be a three-letter ICAO code such as FRA");
            }
        }
        if (entryPost != null && !POST.matcher(entryPost).matches()) {
            throw InvalidInputException.of("post", "format", "post must be a post id such as UTO-AIR");
        }
        if (minOverstayDays < 0 || minOverstayDays > 100_000) {
            throw InvalidInputException.of("minDays", "range", "minDays must be between 0 and 100000");
        }
    }

    public boolean isAll() {
        return nationality == null && entryPost == null && minOverstayDays == 0;
    }

    boolean matches(Overstayer o) {
        return (nationality == null || nationality.equals(o.person().nationality()))
                && (entryPost == null || entryPost.equals(o.entryPost()))
                && o.status().overstayDays() >= minOverstayDays;
    }

    /** The filter in words, for the access log. */
    String describe() {
        return "nationality=" + nationality + " post=" + entryPost + " minDays=" + minOverstayDays;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

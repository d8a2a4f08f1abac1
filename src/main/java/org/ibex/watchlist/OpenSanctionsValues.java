package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The multi-valued fields of OpenSanctions' simple CSV, read leniently: what does not read is warned about. */
final class OpenSanctionsValues {
    private OpenSanctionsValues() {
    }

    /** The primary name, then the aliases (separated by ;), without duplicates or aliases over the name limit. */
    static List<String> names(String name, String aliases, RowChecks checks) {
        Set<String> names = new LinkedHashSet<>();
        if (name != null) {
            names.add(name);
        }
        for (String alias : split(aliases)) {
            if (alias.codePointCount(0, alias.length()) > PersonEntry.MAX_NAME) {
                checks.warning("aliases", RowError.TOO_LONG, "alias '" + RowChecks.shown(alias) + "' is longer than "
                        + PersonEntry.MAX_NAME + " characters and is left out");
            } else {
                names.add(alias);
            }
        }
        return new ArrayList<>(names);
    }

    /** The first country code that maps to alpha-3; each code before it that does not is a warning. */
    static String nationality(String countries, RowChecks checks) {
        for (String code : split(countries)) {
            String alpha3 = CountryNames.alpha3FromAlpha2(code);
            if (alpha3 != null) {
                return alpha3;
            }
            checks.warning("countries", RowError.COUNTRY_CODE, "country code '" + RowChecks.shown(code) + "' is not"
                    + " an ISO 3166-1 alpha-2 code; it is not used as the nationality");
        }
        return null;
    }

    /** At most {@code max} characters, never cutting a surrogate pair; "…" marks a cut. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    static List<String> split(String values) {
        List<String> parts = new ArrayList<>();
        if (values != null) {
            for (String part : values.split(";")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }
}

package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The multi-valued fields of OpenSanctions' simple CSV, read leniently: what does not read is warned about. */
final class OpenSanctionsValues {
    static final String IDENTIFIER = "identifier";
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /** OpenSanctions writes Kosovo as XK, a code ISO leaves to users; ICAO's RKS is the table's. */
    private static final String KOSOVO = "xk";
    private OpenSanctionsValues() {
    }

    /**
     * The primary name, then the aliases (separated by ;), each with its line breaks and runs of spaces made one
     * space, without duplicates or aliases over the name limit.
     */
    static List<String> names(String name, String aliases, RowChecks checks) {
        Set<String> names = new LinkedHashSet<>();
        if (name != null) {
            names.add(singleSpaced(name));
        }
        for (String written : split(aliases)) {
            String alias = singleSpaced(written);
            if (alias.codePointCount(0, alias.length()) > PersonEntry.MAX_NAME) {
                checks.warning("aliases", RowError.TOO_LONG, "alias '" + RowChecks.shown(alias) + "' is longer than "
                        + PersonEntry.MAX_NAME + " characters and is left out");
            } else {
                names.add(alias);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Every country code that maps to alpha-3, in order; each one that does not ("su" for the Soviet Union, a
     * region code) is a warning naming the field, and the entry is kept.
     */
    static List<String> nationalities(String countries, RowChecks checks) {
        List<String> codes = new ArrayList<>();
        for (String code : split(countries)) {
            String alpha3 = code.equalsIgnoreCase(KOSOVO) ? "RKS" : CountryNames.alpha3FromAlpha2(code);
            if (alpha3 == null) {
                checks.warning("countries", RowError.COUNTRY_CODE, "country code '" + RowChecks.shown(code) + "' is not"
                        + " an ISO 3166-1 alpha-2 code we know; it is not kept as a nationality");
            } else if (!codes.contains(alpha3)) {
                codes.add(alpha3);
            }
        }
        return codes;
    }

    /**
     * Every identifier as a document. The simple format says nothing of an identifier's kind (a passport, a tax
     * number such as Russia's INN, a company registration), so its type is the format's own word, "identifier".
     */
    static List<ListedDocument> identifiers(String identifiers, RowChecks checks) {
        List<ListedDocument> documents = new ArrayList<>();
        for (String number : split(identifiers)) {
            try {
                documents.add(new ListedDocument(number, IDENTIFIER, null, null));
            } catch (InvalidEntryException e) {
                checks.warning("identifiers", e.rule(), "identifier '" + RowChecks.shown(number) + "': "
                        + e.getMessage() + "; it is not kept");
            }
        }
        return documents;
    }

    static String singleSpaced(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
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

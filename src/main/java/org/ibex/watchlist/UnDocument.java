package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One INDIVIDUAL_DOCUMENT of the UN list as read: TYPE_OF_DOCUMENT (and TYPE_OF_DOCUMENT2), NUMBER,
 * ISSUING_COUNTRY or COUNTRY_OF_ISSUE, DATE_OF_ISSUE, CITY_OF_ISSUE and NOTE. A number written as prose keeps
 * its prose in the note; a document without a number is kept only if its note names one.
 */
record UnDocument(String type, String type2, String number, String issuingCountry, String countryOfIssue,
                  String dateOfIssue, String cityOfIssue, String note) {
    static final String ELEMENT = "INDIVIDUAL_DOCUMENT";
    private static final int MAX_NOTE = 500;

    boolean isEmpty() {
        return Stream.of(type, type2, number, issuingCountry, countryOfIssue, dateOfIssue, cityOfIssue, note)
                .allMatch(Objects::isNull);
    }

    /** The document, or null with a warning when no number can be read or a value breaks a rule. */
    ListedDocument toListed(RowChecks checks) {
        String found = number != null ? DocumentNumbers.fromNumberField(number) : DocumentNumbers.fromNote(note);
        if (found == null) {
            checks.warning(ELEMENT, RowError.REQUIRED, ELEMENT + " (" + RowChecks.shown(describe()) + ") has no NUMBER"
                    + " and its note names none; it is not kept");
            return null;
        }
        List<String> notes = new ArrayList<>();
        if (number != null && DocumentNumbers.isProse(number, found)) {
            notes.add(number);
        }
        String country = country(checks, notes, number != null ? number : note);
        add(notes, type2);
        add(notes, note);
        add(notes, dateOfIssue == null ? null : "issued " + dateOfIssue);
        add(notes, cityOfIssue == null ? null : "issued in " + cityOfIssue);
        String joined = notes.isEmpty() ? null : OpenSanctionsValues.truncate(String.join("; ", notes), MAX_NOTE);
        String kind = type == null ? null : OpenSanctionsValues.truncate(type, 100);
        try {
            return new ListedDocument(found, kind, country, joined);
        } catch (InvalidEntryException e) {
            checks.warning(ELEMENT, e.rule(), ELEMENT + " '" + RowChecks.shown(found) + "': " + e.getMessage()
                    + "; it is not kept");
            return null;
        }
    }

    /** ISSUING_COUNTRY or COUNTRY_OF_ISSUE; else the one country the number's prose names ("Libya B/002210"). */
    private String country(RowChecks checks, List<String> notes, String prose) {
        String named = issuingCountry != null ? issuingCountry : countryOfIssue;
        if (named != null) {
            String code = CountryNames.alpha3FromName(named);
            if (code == null) {
                List<String> found = CountryNames.alpha3sIn(named);
                code = found.size() == 1 ? found.get(0) : null;
            }
            if (code == null) {
                checks.warning(ELEMENT, RowError.COUNTRY_NAME, ELEMENT + " issuing country '" + RowChecks.shown(named)
                        + "' is not a country name we know; it is kept in the document's note");
                notes.add("issued by " + named);
            }
            return code;
        }
        List<String> found = CountryNames.alpha3sIn(prose);
        return found.size() == 1 ? found.get(0) : null;
    }

    private String describe() {
        return String.join(", ", Stream.of(type, note).filter(Objects::nonNull).toList());
    }

    private static void add(List<String> notes, String text) {
        if (text != null && !notes.contains(text)) {
            notes.add(text);
        }
    }
}

package org.ibex.watchlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one UN INDIVIDUAL as they are read, then turned into a {@link PersonEntry} with every birth date,
 * nationality and document the list gives. The UN file cannot be corrected by us, so a value that does not read
 * is left out with a warning naming the element; only a missing name or reference drops the entry.
 */
final class UnIndividual {
    static final String SOURCE = "UNSC Consolidated List";
    private static final int MAX_PLACE = 300;
    private final String[] nameParts = new String[4];
    private final List<String> aliases = new ArrayList<>();
    private final List<String> nationalities = new ArrayList<>();
    private final List<UnBirthDate> birthDates = new ArrayList<>();
    private final List<UnDocument> documents = new ArrayList<>();
    private final List<String> places = new ArrayList<>();
    private String dataId;
    private String referenceNumber;
    private String listType;
    private String listedOn;
    private String originalScript;
    private String gender;

    /** A direct child of INDIVIDUAL with its text. */
    void field(String element, String text) {
        switch (element) {
            case "DATAID" -> dataId = text;
            case "FIRST_NAME" -> nameParts[0] = text;
            case "SECOND_NAME" -> nameParts[1] = text;
            case "THIRD_NAME" -> nameParts[2] = text;
            case "FOURTH_NAME" -> nameParts[3] = text;
            case "UN_LIST_TYPE" -> listType = text;
            case "REFERENCE_NUMBER" -> referenceNumber = text;
            case "LISTED_ON" -> listedOn = text;
            case "NAME_ORIGINAL_SCRIPT" -> originalScript = text;
            case "GENDER" -> gender = text;
            default -> {
                // VERSIONNUM, COMMENTS1, DESIGNATION and the rest have no place in the model.
            }
        }
    }

    void alias(String name) {
        aliases.add(name);
    }

    void nationality(String countryName) {
        nationalities.add(countryName);
    }

    void birthDate(UnBirthDate date) {
        if (!date.isEmpty()) {
            birthDates.add(date);
        }
    }

    void document(UnDocument document) {
        if (!document.isEmpty()) {
            documents.add(document);
        }
    }

    /** One INDIVIDUAL_PLACE_OF_BIRTH, kept as written: city, province, country, and a note in brackets. */
    void placeOfBirth(String city, String province, String country, String note) {
        String place = String.join(", ", Arrays.stream(new String[] {city, province, country}).filter(Objects::nonNull)
                .toList());
        if (note != null) {
            place = place.isEmpty() ? note : place + " (" + note + ")";
        }
        if (!place.isEmpty() && !places.contains(place)) {
            places.add(place);
        }
    }

    PersonEntry toEntry(String listId, RowChecks checks) {
        String id = referenceNumber != null ? referenceNumber : dataId;
        if (id == null) {
            checks.error("REFERENCE_NUMBER", RowError.REQUIRED, "the individual has neither REFERENCE_NUMBER nor DATAID");
        }
        List<String> names = names(checks);
        if (names.isEmpty()) {
            checks.error("FIRST_NAME", RowError.REQUIRED, "the individual has no name (FIRST_NAME to FOURTH_NAME,"
                    + " NAME_ORIGINAL_SCRIPT)");
        }
        LocalDate from = checks.lenient("LISTED_ON", UnBirthDate.withoutZone(listedOn), RowChecks::isoDate);
        List<PartialDate> dates = new ArrayList<>();
        birthDates.forEach(d -> dates.addAll(d.dates(checks, from)));
        List<String> codes = nationalities(checks);
        List<ListedDocument> listed = documents.stream().map(d -> d.toListed(checks)).filter(Objects::nonNull).toList();
        String place = place(checks);
        String reason = ((listType == null ? "" : listType + " ") + (referenceNumber == null ? "" : referenceNumber)).strip();
        List<PartialDate> keptDates = checks.atMost(UnBirthDate.ELEMENT, dates);
        List<String> keptCodes = checks.atMost("NATIONALITY", codes);
        List<ListedDocument> keptDocuments = checks.atMost(UnDocument.ELEMENT, listed);
        return checks.build(() -> new PersonEntry(listId, id, names, keptDates, keptCodes, sex(), place, keptDocuments,
                reason.isEmpty() ? null : reason, SOURCE, from, null, EntryAction.REFUSE_ENTRY), UnIndividual::element);
    }

    /** Every place of birth, separated by "; ", cut (with a warning) at the length an entry holds. */
    private String place(RowChecks checks) {
        String all = String.join("; ", places);
        if (all.length() > MAX_PLACE) {
            checks.warning("INDIVIDUAL_PLACE_OF_BIRTH", RowError.TOO_LONG, places.size() + " places of birth take "
                    + all.length() + " characters together; the entry keeps the first " + MAX_PLACE);
        }
        return all.isEmpty() ? null : OpenSanctionsValues.truncate(all, MAX_PLACE);
    }

    /** The UN element behind a record component the record rejected. */
    private static String element(String recordField) {
        return recordField.startsWith("names") ? "ALIAS_NAME" : recordField.equals("entryId") ? "REFERENCE_NUMBER"
                : recordField.startsWith("datesOfBirth") ? UnBirthDate.ELEMENT
                : recordField.startsWith("documents") ? UnDocument.ELEMENT
                : recordField.startsWith("nationalit") ? "NATIONALITY" : recordField;
    }

    /**
     * FIRST to FOURTH_NAME joined, then the original script and the aliases; duplicates and over-long aliases
     * dropped. An alias that lists several names separated by ";" ("Qasim Soleimani; Qasem Sulaimani") gives each.
     */
    private List<String> names(RowChecks checks) {
        Set<String> names = new LinkedHashSet<>();
        String joined = String.join(" ", Arrays.stream(nameParts).filter(Objects::nonNull).toList()).strip();
        if (!joined.isEmpty()) {
            names.add(joined);
        }
        List<String> others = new ArrayList<>();
        if (originalScript != null) {
            others.add(originalScript);
        }
        for (String alias : aliases) {
            others.addAll(alias.contains(";") && !alias.contains("(") ? OpenSanctionsValues.split(alias) : List.of(alias));
        }
        for (String alias : others) {
            if (alias.codePointCount(0, alias.length()) > PersonEntry.MAX_NAME) {
                checks.warning("ALIAS_NAME", RowError.TOO_LONG, "alias '" + RowChecks.shown(alias) + "' is longer than "
                        + PersonEntry.MAX_NAME + " characters and is left out");
            } else {
                names.add(alias);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Every NATIONALITY VALUE a table knows, by its name or, in a phrase ("Sudan/or South Sudan", "Bahrain
     * (citizenship revoked in Jan. 2015)"), by the country names it holds; each value that gives none is a warning.
     */
    private List<String> nationalities(RowChecks checks) {
        List<String> codes = new ArrayList<>();
        for (String name : nationalities) {
            String alpha3 = CountryNames.alpha3FromName(name);
            List<String> found = alpha3 != null ? List.of(alpha3) : CountryNames.alpha3sIn(name);
            if (found.isEmpty()) {
                checks.warning("NATIONALITY", RowError.COUNTRY_NAME, "nationality '" + RowChecks.shown(name)
                        + "' is not a country name we know; it is not kept");
            } else if (alpha3 == null) {
                checks.warning("NATIONALITY", RowError.COUNTRY_NAME, "nationality '" + RowChecks.shown(name)
                        + "' is more than a country name; it is read as " + String.join(", ", found));
            }
            found.stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        }
        return codes;
    }

    private String sex() {
        String g = gender == null ? "" : gender.toLowerCase(Locale.ROOT);
        return g.equals("male") ? "M" : g.equals("female") ? "F" : null;
    }
}

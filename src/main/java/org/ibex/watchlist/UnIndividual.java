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
 * The fields of one UN INDIVIDUAL as they are read, then turned into a {@link PersonEntry}. The UN file cannot be
 * corrected by us, so a field that does not read is left empty with a warning; only a missing name or reference
 * drops the entry.
 */
final class UnIndividual {
    static final String SOURCE = "UNSC Consolidated List";
    private final String[] nameParts = new String[4];
    private final List<String> aliases = new ArrayList<>();
    private final List<String> nationalities = new ArrayList<>();
    private final List<BirthDate> birthDates = new ArrayList<>();
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

    /**
     * One INDIVIDUAL_DATE_OF_BIRTH: DATE, YEAR, or FROM_YEAR and TO_YEAR, each possibly null. TYPE_OF_DATE
     * (EXACT, APPROXIMATELY, BETWEEN) adds nothing the elements present do not already say.
     */
    void birthDate(String date, String year, String fromYear, String toYear) {
        birthDates.add(new BirthDate(date, year, fromYear, toYear));
    }

    private record BirthDate(String date, String year, String fromYear, String toYear) {
        String text() {
            if (date != null || year != null) {
                return date != null ? date : year;
            }
            return fromYear != null && toYear != null ? fromYear + ".." + toYear : fromYear;
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
        PartialDate birth = birthDate(checks);
        String nationality = nationality(checks);
        LocalDate from = checks.lenient("LISTED_ON", listedOn, RowChecks::isoDate);
        String reason = ((listType == null ? "" : listType + " ") + (referenceNumber == null ? "" : referenceNumber)).strip();
        return checks.build(() -> new PersonEntry(listId, id, names, birth, nationality, sex(), reason.isEmpty() ? null
                : reason, SOURCE, from, null, EntryAction.REFUSE_ENTRY), UnIndividual::element);
    }

    /** The UN element behind a record component the record rejected. */
    private static String element(String recordField) {
        return recordField.startsWith("names") ? "ALIAS_NAME" : recordField.equals("entryId") ? "REFERENCE_NUMBER"
                : recordField;
    }

    /** FIRST to FOURTH_NAME joined, then the original script and the aliases; duplicates and over-long aliases dropped. */
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
        others.addAll(aliases);
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

    /** The first date of birth that reads. The model holds one, so further dates are not kept. */
    private PartialDate birthDate(RowChecks checks) {
        for (BirthDate d : birthDates) {
            PartialDate date = checks.lenient("INDIVIDUAL_DATE_OF_BIRTH", d.text(), PartialDate::parse);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** The first nationality a table knows; each unknown one is a warning and the entry is kept. */
    private String nationality(RowChecks checks) {
        for (String name : nationalities) {
            String alpha3 = CountryNames.alpha3FromName(name);
            if (alpha3 != null) {
                return alpha3;
            }
            checks.warning("NATIONALITY", RowError.COUNTRY_NAME, "nationality '" + RowChecks.shown(name)
                    + "' is not a country name we know; the entry is kept without a nationality");
        }
        return null;
    }

    private String sex() {
        String g = gender == null ? "" : gender.toLowerCase(Locale.ROOT);
        return g.equals("male") ? "M" : g.equals("female") ? "F" : null;
    }
}

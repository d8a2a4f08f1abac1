package org.ibex.watchlist;

import java.time.LocalDate;
import java.util.List;

/**
 * A listed person with everything the list says that screening can use. {@code names.get(0)} is the primary
 * name and the rest are aliases, each in any script; every listed birth date (lists often give several, as
 * alternatives) and every nationality (ISO 3166-1 alpha-3, or an ICAO code such as D or XXA) in the list's order;
 * sex M, F or null; the place of birth as written; the documents the list gives for the person.
 */
public record PersonEntry(String listId, String entryId, List<String> names, List<PartialDate> datesOfBirth,
                          List<String> nationalities, String sex, String placeOfBirth, List<ListedDocument> documents,
                          String reason, String source, LocalDate validFrom, LocalDate validUntil, EntryAction action) {
    static final int MAX_NAME = 300;
    static final int MAX_VALUES = 50;

    public PersonEntry {
        Checks.text("listId", listId, 60);
        Checks.text("entryId", entryId, 200);
        names = checkedNames(names);
        datesOfBirth = distinct("datesOfBirth", datesOfBirth);
        nationalities = distinct("nationalities", nationalities);
        for (String nationality : nationalities) {
            if (!CountryNames.isNationalityCode(nationality)) {
                throw new InvalidEntryException("nationality", RowError.CODE, "nationality '" + nationality
                        + "' must be an ISO 3166-1 alpha-3 code or an ICAO Doc 9303 code, in upper case (RUS, D or XXA;"
                        + " not ru)");
            }
        }
        documents = distinct("documents", documents);
        Checks.code("sex", sex, "[MF]", "M, F or empty");
        Checks.length("placeOfBirth", placeOfBirth, 300);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidEntryException("validUntil", RowError.RANGE, "validUntil " + validUntil
                    + " is before validFrom " + validFrom);
        }
        if (action == null) {
            throw new InvalidEntryException("action", RowError.REQUIRED, "action is required");
        }
    }

    /** The shape of the entry before lists carried several dates, nationalities and documents: one of each. */
    public PersonEntry(String listId, String entryId, List<String> names, PartialDate dateOfBirth, String nationality,
                       String sex, String reason, String source, LocalDate validFrom, LocalDate validUntil,
                       EntryAction action) {
        this(listId, entryId, names, dateOfBirth == null ? List.of() : List.of(dateOfBirth),
                nationality == null ? List.of() : List.of(nationality), sex, null, List.of(), reason, source, validFrom,
                validUntil, action);
    }

    private static <T> List<T> distinct(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        // Most entries list one value of each: no stream and set for them (every list read and replica makes many).
        if (values.size() == 1) {
            T only = values.get(0);
            return only == null ? List.of() : List.of(only);
        }
        List<T> out = values.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (out.size() > MAX_VALUES) {
            throw new InvalidEntryException(field, RowError.TOO_LONG, field + " holds " + out.size()
                    + " values; the limit is " + MAX_VALUES);
        }
        return out;
    }

    /** The first listed birth date, or null: where one date is shown (and for API clients written before lists kept several). */
    @com.fasterxml.jackson.annotation.JsonProperty("dateOfBirth")
    public PartialDate dateOfBirth() {
        return datesOfBirth.isEmpty() ? null : datesOfBirth.get(0);
    }

    /** The first listed nationality, or null: where one is shown. */
    @com.fasterxml.jackson.annotation.JsonProperty("nationality")
    public String nationality() {
        return nationalities.isEmpty() ? null : nationalities.get(0);
    }

    /** This entry with other reason and source (the database cuts long ones). */
    PersonEntry withReasonAndSource(String newReason, String newSource) {
        return new PersonEntry(listId, entryId, names, datesOfBirth, nationalities, sex, placeOfBirth, documents,
                newReason, newSource, validFrom, validUntil, action);
    }

    /** This entry in force from {@code from} until {@code until}. */
    PersonEntry withValidity(LocalDate from, LocalDate until) {
        return new PersonEntry(listId, entryId, names, datesOfBirth, nationalities, sex, placeOfBirth, documents, reason,
                source, from, until, action);
    }

    private static List<String> checkedNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidEntryException("names", RowError.REQUIRED, "names must hold at least the primary name");
        }
        for (int i = 0; i < names.size(); i++) {
            String field = i == 0 ? "name" : "names[" + i + "]";
            Checks.text(field, names.get(i), MAX_NAME);
        }
        return List.copyOf(names);
    }

    public String primaryName() {
        return names.get(0);
    }

    public List<String> aliases() {
        return names.subList(1, names.size());
    }
}

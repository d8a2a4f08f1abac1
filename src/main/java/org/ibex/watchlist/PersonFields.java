package org.ibex.watchlist;

import static org.ibex.watchlist.WatchlistFields.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The several-valued fields of a person in our own CSV and JSON, checked strictly: {@code dateOfBirth} and
 * {@code nationality} hold one value or several separated by {@code ;}; {@code documents} holds entries separated
 * by {@code ;}, each {@code NUMBER}, {@code NUMBER:COUNTRY} or {@code NUMBER:COUNTRY:TYPE} (COUNTRY an alpha-3 or
 * ICAO code, may be empty: {@code 123::Passport}). One value that does not read fails the row, naming it.
 */
final class PersonFields {
    private final RowChecks checks;

    PersonFields(RowChecks checks) {
        this.checks = checks;
    }

    List<PartialDate> dates(String field) {
        List<PartialDate> dates = new ArrayList<>();
        for (String text : split(field)) {
            PartialDate date = checks.strict(DATE_OF_BIRTH, text, PartialDate::parse);
            if (date != null) {
                dates.add(date);
            }
        }
        return dates;
    }

    List<String> nationalities(String field) {
        List<String> codes = new ArrayList<>();
        for (String text : split(field)) {
            String code = checks.strict(NATIONALITY, text, PersonFields::nationality);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** The documents column's entries, then the documents JSON gave as objects. */
    List<ListedDocument> documents(String field, List<RawDocument> objects) {
        List<RawDocument> raw = new ArrayList<>();
        for (String entry : split(field)) {
            String[] parts = entry.split(":", -1);
            if (parts.length > 3) {
                checks.error(DOCUMENTS, RowError.FORMAT, "document '" + RowChecks.shown(entry) + "' has "
                        + parts.length + " parts; write NUMBER, NUMBER:COUNTRY or NUMBER:COUNTRY:TYPE");
                continue;
            }
            raw.add(new RawDocument(parts[0], parts.length > 2 ? parts[2] : null, parts.length > 1 ? parts[1] : null,
                    null));
        }
        raw.addAll(objects);
        List<ListedDocument> documents = new ArrayList<>();
        for (RawDocument d : raw) {
            ListedDocument document = document(d);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    private ListedDocument document(RawDocument d) {
        String number = checks.required(DOCUMENTS + ".number", d.number());
        String country = checks.strict(DOCUMENTS + ".issuingCountry", d.issuingCountry(), PersonFields::nationality);
        if (number == null || checks.failed()) {
            return null;
        }
        return checks.build(() -> new ListedDocument(number, blankToNull(d.type()), country, blankToNull(d.note())),
                f -> f);
    }

    static String nationality(String text) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!CountryNames.isNationalityCode(code)) {
            throw new InvalidEntryException(NATIONALITY, RowError.CODE, "nationality '" + text + "' is not an ISO"
                    + " 3166-1 alpha-3 code (such as RUS or DEU) nor an ICAO Doc 9303 code (D, XXA, XXB, XXC, XXX)");
        }
        return code;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> split(String field) {
        return field == null ? List.of() : Arrays.stream(field.split(SEPARATOR)).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }
}

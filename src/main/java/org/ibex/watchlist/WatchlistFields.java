package org.ibex.watchlist;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The field names of our own CSV and JSON formats, matched without regard to case. */
final class WatchlistFields {
    static final String TYPE = "type";
    static final String ID = "id";
    static final String NAME = "name";
    static final String ALIASES = "aliases";
    static final String DATE_OF_BIRTH = "dateOfBirth";
    static final String NATIONALITY = "nationality";
    static final String SEX = "sex";
    static final String PLACE_OF_BIRTH = "placeOfBirth";
    static final String DOCUMENTS = "documents";
    static final String REASON = "reason";
    static final String SOURCE = "source";
    static final String VALID_FROM = "validFrom";
    static final String VALID_UNTIL = "validUntil";
    static final String ACTION = "action";
    static final String DOCUMENT_NUMBER = "documentNumber";
    static final String ISSUING_STATE = "issuingState";
    static final String DOCUMENT_TYPE = "documentType";
    static final String STATUS = "status";
    static final String REPORTED_ON = "reportedOn";
    static final List<String> ALL = List.of(TYPE, ID, NAME, ALIASES, DATE_OF_BIRTH, NATIONALITY, SEX, PLACE_OF_BIRTH,
            DOCUMENTS, REASON, SOURCE, VALID_FROM, VALID_UNTIL, ACTION, DOCUMENT_NUMBER, ISSUING_STATE, DOCUMENT_TYPE,
            STATUS, REPORTED_ON);
    /** What separates several birth dates, nationalities or documents in one field. */
    static final String SEPARATOR = ";";
    private static final Map<String, String> BY_LOWER_CASE = ALL.stream()
            .collect(Collectors.toMap(f -> f.toLowerCase(Locale.ROOT), Function.identity()));

    private WatchlistFields() {
    }

    /** The canonical name of a header or key, or null if it is not one of ours. */
    static String canonical(String name) {
        return name == null ? null : BY_LOWER_CASE.get(name.strip().toLowerCase(Locale.ROOT));
    }
}

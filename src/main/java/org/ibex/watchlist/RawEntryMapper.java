package org.ibex.watchlist;

import static org.ibex.watchlist.WatchlistFields.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a row of our own CSV or JSON into a person or document entry. Our own formats are checked strictly: a
 * field that does not read fails the row, because the list's owner can correct it and re-import.
 */
final class RawEntryMapper {
    private final String listId;
    private final EntrySink sink;

    RawEntryMapper(String listId, EntrySink sink) {
        this.listId = listId;
        this.sink = sink;
    }

    void map(RawEntry raw) {
        RowChecks checks = new RowChecks(sink, raw.row(), raw.line());
        String type = raw.get(TYPE) == null ? "person" : raw.get(TYPE).strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "person" -> person(raw, checks);
            case "document" -> document(raw, checks);
            default -> checks.error(TYPE, RowError.TYPE, "type '" + RowChecks.shown(raw.get(TYPE))
                    + "' must be person or document");
        }
    }

    private void person(RawEntry raw, RowChecks checks) {
        String id = checks.required(ID, raw.get(ID));
        String name = checks.required(NAME, raw.get(NAME));
        PersonFields several = new PersonFields(checks);
        List<PartialDate> births = several.dates(raw.get(DATE_OF_BIRTH));
        List<String> nationalities = several.nationalities(raw.get(NATIONALITY));
        List<ListedDocument> documents = several.documents(raw.get(DOCUMENTS), raw.documents());
        String sex = checks.strict(SEX, raw.get(SEX), RawEntryMapper::sex);
        LocalDate from = checks.strict(VALID_FROM, raw.get(VALID_FROM), RowChecks::isoDate);
        LocalDate until = checks.strict(VALID_UNTIL, raw.get(VALID_UNTIL), RowChecks::isoDate);
        EntryAction action = raw.get(ACTION) == null ? EntryAction.REFER_TO_SECOND_LINE
                : checks.strict(ACTION, raw.get(ACTION), EntryAction::parse);
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(raw.aliases());
        PersonEntry entry = checks.build(() -> new PersonEntry(listId, id, names, births, nationalities, sex,
                raw.get(PLACE_OF_BIRTH), documents, raw.get(REASON), raw.get(SOURCE), from, until, action),
                RawEntryMapper::column);
        if (entry != null) {
            sink.person(entry);
        }
    }

    private void document(RawEntry raw, RowChecks checks) {
        String id = checks.required(ID, raw.get(ID));
        String number = checks.required(DOCUMENT_NUMBER, raw.get(DOCUMENT_NUMBER));
        String state = raw.get(ISSUING_STATE) == null ? null : raw.get(ISSUING_STATE).strip().toUpperCase(Locale.ROOT);
        DocumentStatus status = checks.strict(STATUS, checks.required(STATUS, raw.get(STATUS)), DocumentStatus::parse);
        LocalDate reported = checks.strict(REPORTED_ON, raw.get(REPORTED_ON), RowChecks::isoDate);
        DocumentEntry entry = checks.build(() -> new DocumentEntry(listId, id, number, state, raw.get(DOCUMENT_TYPE),
                status, reported, raw.get(SOURCE)), RawEntryMapper::column);
        if (entry != null) {
            sink.document(entry);
        }
    }

    /** The file's column for a record component the record rejected. */
    private static String column(String recordField) {
        return recordField.startsWith("names") ? ALIASES : recordField.equals("entryId") ? ID
                : recordField.equals("datesOfBirth") ? DATE_OF_BIRTH : recordField.equals("nationalities") ? NATIONALITY
                : recordField;
    }

    static String sex(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> "M";
            case "F", "FEMALE" -> "F";
            default -> throw new InvalidEntryException(SEX, RowError.CODE, "sex '" + text + "' must be M, F or empty");
        };
    }
}

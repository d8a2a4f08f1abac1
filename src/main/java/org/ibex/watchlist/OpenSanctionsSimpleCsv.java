package org.ibex.watchlist;

import org.ibex.store.CsvReader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * OpenSanctions' {@code targets.simple.csv}: id, schema, name, aliases, birth_date, countries, addresses,
 * identifiers, sanctions, phones, emails, dataset, first_seen, last_seen, last_change, several values in a field
 * separated by {@code ;}, every field quoted in real exports and records running across lines. Rows of schema
 * Person become persons to refer to the second line, with every birth date, every country (ISO alpha-2, taken as
 * nationalities) and every identifier (as a document of unknown type); a {@code gender} or {@code sex} column,
 * where an export has one, gives the sex. Other schemas (companies, vessels, ...) are counted and skipped.
 */
public final class OpenSanctionsSimpleCsv implements WatchlistParser {
    static final int MAX_REASON = 500;
    private static final List<String> REQUIRED = List.of("id", "schema", "name");
    private final ParseLimits limits;

    public OpenSanctionsSimpleCsv() {
        this(ParseLimits.DEFAULT);
    }

    OpenSanctionsSimpleCsv(ParseLimits limits) {
        this.limits = limits;
    }

    @Override
    public ParsedEntries parse(InputStream in, String listId, Consumer<Integer> progress) {
        return ParseRun.run(in, listId, limits, progress, (reader, sink) -> {
            CsvReader csv = new CsvReader(reader);
            Header header = header(CsvFiles.nextRow(csv, reader), sink);
            for (List<String> fields; (fields = CsvFiles.nextRow(csv, reader)) != null; ) {
                row(listId, header, fields, new RowChecks(sink, sink.startRow(), csv.rowLine()), sink);
            }
        }, CsvFiles::describe);
    }

    /** Column positions by lower-case name, and how many fields a row must have. */
    private record Header(Map<String, Integer> columns, int width) {
        String value(List<String> fields, String column) {
            Integer i = columns.get(column);
            String value = i == null ? "" : fields.get(i).strip();
            return value.isEmpty() ? null : value;
        }
    }

    /** Columns we do not use are allowed: the format has grown over time. */
    private static Header header(List<String> names, EntrySink sink) {
        if (names == null) {
            throw sink.stop(RowError.MISSING_COLUMN, "the file is empty; expected the header of targets.simple.csv");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String column : REQUIRED) {
            if (!columns.containsKey(column)) {
                sink.fileError(column, RowError.MISSING_COLUMN, "column " + column + " is missing; targets.simple.csv"
                        + " has at least " + String.join(",", REQUIRED));
            }
        }
        if (!columns.keySet().containsAll(REQUIRED)) {
            throw new EntrySink.Stop();
        }
        return new Header(Map.copyOf(columns), names.size());
    }

    private static void row(String listId, Header header, List<String> fields, RowChecks checks, EntrySink sink) {
        if (fields.size() != header.width()) {
            checks.error("row", RowError.FIELD_COUNT, "the row has " + fields.size() + " fields; the header has "
                    + header.width());
        } else if (!"Person".equals(header.value(fields, "schema"))) {
            sink.skipped();
        } else {
            PersonEntry entry = person(listId, checks, column -> header.value(fields, column));
            if (entry != null) {
                sink.person(entry);
            }
        }
    }

    private static PersonEntry person(String listId, RowChecks checks, Function<String, String> field) {
        String id = checks.required("id", field.apply("id"));
        String name = checks.required("name", field.apply("name"));
        List<String> names = OpenSanctionsValues.names(name, field.apply("aliases"), checks);
        List<PartialDate> births = new ArrayList<>();
        for (String date : OpenSanctionsValues.split(field.apply("birth_date"))) {
            PartialDate birth = checks.lenient("birth_date", date, PartialDate::parse);
            if (birth != null) {
                births.add(birth);
            }
        }
        List<PartialDate> keptBirths = checks.atMost("birth_date", births);
        List<String> nationalities = checks.atMost("countries",
                OpenSanctionsValues.nationalities(field.apply("countries"), checks));
        List<ListedDocument> documents = checks.atMost("identifiers",
                OpenSanctionsValues.identifiers(field.apply("identifiers"), checks));
        String gender = field.apply("gender") != null ? field.apply("gender") : field.apply("sex");
        String sex = checks.lenient(field.apply("gender") != null ? "gender" : "sex", gender, RawEntryMapper::sex);
        String reason = OpenSanctionsValues.truncate(field.apply("sanctions"), MAX_REASON);
        String dataset = field.apply("dataset");
        // first_seen is when OpenSanctions first saw the entry, not when a sanction took effect: no validFrom.
        return checks.build(() -> new PersonEntry(listId, id, names, keptBirths, nationalities, sex, null, documents,
                reason, "OpenSanctions" + (dataset == null ? "" : " " + dataset), null, null,
                EntryAction.REFER_TO_SECOND_LINE), OpenSanctionsSimpleCsv::column);
    }

    /** The file's column for a record component the record rejected. */
    private static String column(String recordField) {
        return recordField.startsWith("names") ? "aliases" : recordField.equals("entryId") ? "id"
                : recordField.startsWith("datesOfBirth") ? "birth_date"
                : recordField.startsWith("nationalit") ? "countries"
                : recordField.startsWith("documents") ? "identifiers" : recordField;
    }
}

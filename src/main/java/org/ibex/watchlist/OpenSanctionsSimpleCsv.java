package org.ibex.watchlist;

import org.ibex.store.CsvReader;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * OpenSanctions' {@code targets.simple.csv}: id, schema, name, aliases, birth_date, countries, addresses,
 * identifiers, sanctions, phones, emails, dataset, first_seen, last_seen, last_change, several values in a field
 * separated by {@code ;}. Rows of schema Person become persons to refer to the second line; other schemas
 * (companies, vessels, ...) are counted and skipped.
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
        // Only the first birth date is kept: the model holds one, and further ones are alternatives.
        PartialDate birth = checks.lenient("birth_date", first(field.apply("birth_date")), PartialDate::parse);
        String nationality = OpenSanctionsValues.nationality(field.apply("countries"), checks);
        String reason = OpenSanctionsValues.truncate(field.apply("sanctions"), MAX_REASON);
        String dataset = field.apply("dataset");
        // first_seen is when OpenSanctions first saw the entry, not when a sanction took effect: no validFrom.
        return checks.build(() -> new PersonEntry(listId, id, names, birth, nationality, null, reason,
                "OpenSanctions" + (dataset == null ? "" : " " + dataset), null, null, EntryAction.REFER_TO_SECOND_LINE),
                f -> f.startsWith("names") ? "aliases" : f.equals("entryId") ? "id" : f);
    }

    private static String first(String values) {
        return values == null ? null : Arrays.stream(values.split(";")).map(String::strip).filter(v -> !v.isEmpty())
                .findFirst().orElse(null);
    }
}

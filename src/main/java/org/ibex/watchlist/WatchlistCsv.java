package org.ibex.watchlist;

import static org.ibex.watchlist.WatchlistFields.*;

import org.ibex.store.CsvReader;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Our own CSV: a header row, then one person ({@code type=person}) or lost/stolen document
 * ({@code type=document}) per row. Columns: type, id, name, aliases (separated by {@code |}), dateOfBirth and
 * nationality (one or several separated by {@code ;}), sex, placeOfBirth, documents ({@code ;} between entries
 * {@code NUMBER[:COUNTRY[:TYPE]]}, see {@link PersonFields}), reason, source, validFrom, validUntil, action,
 * documentNumber, issuingState, documentType, status, reportedOn, in any order and case. The minimal form
 * {@code id,name} lists persons to refer to the second line.
 */
public final class WatchlistCsv implements WatchlistParser {
    private final ParseLimits limits;

    public WatchlistCsv() {
        this(ParseLimits.DEFAULT);
    }

    WatchlistCsv(ParseLimits limits) {
        this.limits = limits;
    }

    @Override
    public ParsedEntries parse(InputStream in, String listId, Consumer<Integer> progress) {
        return ParseRun.run(in, listId, limits, progress, (reader, sink) -> {
            CsvReader csv = new CsvReader(reader);
            List<String> header = header(CsvFiles.nextRow(csv, reader), sink);
            RawEntryMapper mapper = new RawEntryMapper(listId, sink);
            for (List<String> fields; (fields = CsvFiles.nextRow(csv, reader)) != null; ) {
                int row = sink.startRow();
                if (fields.size() != header.size()) {
                    sink.error(row, "row", RowError.FIELD_COUNT, "line " + csv.rowLine() + ": the row has "
                            + fields.size() + " fields; the header has " + header.size());
                    continue;
                }
                mapper.map(rawEntry(header, fields, row, csv.rowLine()));
            }
        }, CsvFiles::describe);
    }

    /** The canonical column names, in file order; an unusable header stops the parse. */
    private static List<String> header(List<String> names, EntrySink sink) {
        if (names == null) {
            throw sink.stop(RowError.MISSING_COLUMN, "the file is empty; the first row must name the columns,"
                    + " at least id,name");
        }
        String[] columns = new String[names.size()];
        for (int i = 0; i < columns.length; i++) {
            String raw = RowChecks.shown(names.get(i).strip());
            String column = canonical(raw);
            if (column == null) {
                sink.fileError(raw, RowError.UNKNOWN_COLUMN, "column '" + raw + "' is not one of " + ALL);
            } else if (Arrays.asList(columns).contains(column)) {
                sink.fileError(column, RowError.DUPLICATE_COLUMN, "column " + column + " appears twice");
            }
            columns[i] = column;
        }
        List<String> header = Arrays.asList(columns);
        require(header, ID, sink);
        if (!header.contains(TYPE) || !header.contains(DOCUMENT_NUMBER)) {
            require(header, NAME, sink);
        }
        if (header.contains(null) || Arrays.stream(columns).distinct().count() < columns.length) {
            throw new EntrySink.Stop();
        }
        return header;
    }

    private static void require(List<String> header, String column, EntrySink sink) {
        if (!header.contains(column)) {
            throw sink.stop(RowError.MISSING_COLUMN, "column " + column + " is missing; the header must"
                    + " name at least id and name (or id, type and documentNumber for documents)");
        }
    }

    private static RawEntry rawEntry(List<String> header, List<String> fields, int row, int line) {
        Map<String, String> values = new HashMap<>();
        List<String> aliases = List.of();
        for (int i = 0; i < fields.size(); i++) {
            String value = fields.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (header.get(i).equals(ALIASES)) {
                aliases = Arrays.stream(value.split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            } else {
                values.put(header.get(i), value);
            }
        }
        return new RawEntry(row, line, values, aliases);
    }
}

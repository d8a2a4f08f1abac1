package org.ibex.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.ibex.store.CsvReader;

/**
 * Reads the batch-screening CSV, {@code id,name,dateOfBirth,nationality,sex,documentNumber} (the last four may be
 * empty; the name in any script), one traveller per row. A row that does not read is reported with its line and
 * field and the rest go on; the header must name the six columns (in any order; others are ignored).
 */
public final class BatchQueries {
    public static final List<String> COLUMNS = List.of("id", "name", "dateOfBirth", "nationality", "sex",
            "documentNumber");

    /** One traveller to screen, or the reason its row could not be read ({@code query} null then). */
    public record Row(int line, String id, ScreeningQuery query, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** The file itself cannot be read as a batch: no header, a missing column, broken quoting. */
    public static final class BatchFileException extends RuntimeException {
        public BatchFileException(String message) {
            super(message);
        }
    }

    private BatchQueries() {
    }

    /** Streams every row to {@code rows}, in file order. */
    public static void read(Reader in, Consumer<Row> rows) throws IOException {
        CsvReader csv = new CsvReader(in);
        List<String> header;
        try {
            header = csv.next();
        } catch (CsvReader.CsvException e) {
            throw new BatchFileException("line 1: " + e.getMessage());
        }
        if (header == null) {
            throw new BatchFileException("the file is empty; the first line must be the header "
                    + String.join(",", COLUMNS));
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            // A BOM from a spreadsheet is not part of the first column's name.
            at.putIfAbsent(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
        }
        for (String column : COLUMNS) {
            if (!at.containsKey(column.toLowerCase(Locale.ROOT))) {
                throw new BatchFileException("the header lacks column " + column + "; it must be "
                        + String.join(",", COLUMNS));
            }
        }
        while (true) {
            List<String> fields;
            try {
                fields = csv.next();
            } catch (CsvReader.CsvException e) {
                throw new BatchFileException("line " + csv.rowLine() + ": " + e.getMessage());
            }
            if (fields == null) {
                return;
            }
            if (fields.isEmpty() || fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            rows.accept(row(csv.rowLine(), fields, at));
        }
    }

    private static Row row(int line, List<String> fields, Map<String, Integer> at) {
        String id = value(fields, at, "id");
        String name = value(fields, at, "name");
        if (id == null) {
            return new Row(line, null, null, "line " + line + ": id is required");
        }
        if (name == null) {
            return new Row(line, id, null, "line " + line + ": name is required");
        }
        LocalDate birth = null;
        String birthText = value(fields, at, "dateOfBirth");
        if (birthText != null) {
            try {
                birth = LocalDate.parse(birthText);
            } catch (DateTimeParseException e) {
                return new Row(line, id, null, "line " + line + ": dateOfBirth '" + RowChecks.shown(birthText)
                        + "' must be a date yyyy-MM-dd");
            }
        }
        String nationality = upper(value(fields, at, "nationality"));
        if (nationality != null && !CountryNames.isNationalityCode(nationality)) {
            return new Row(line, id, null, "line " + line + ": nationality '" + RowChecks.shown(nationality)
                    + "' must be an ISO 3166-1 alpha-3 or ICAO code");
        }
        String sex = upper(value(fields, at, "sex"));
        if (sex != null && !sex.matches("[MFX]")) {
            return new Row(line, id, null, "line " + line + ": sex '" + RowChecks.shown(sex) + "' must be M, F, X or"
                    + " empty");
        }
        String document = value(fields, at, "documentNumber");
        return new Row(line, id, new ScreeningQuery(name, birth, nationality, sex, document, null), null);
    }

    private static String value(List<String> fields, Map<String, Integer> at, String column) {
        Integer i = at.get(column.toLowerCase(Locale.ROOT));
        if (i == null || i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static String upper(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }
}

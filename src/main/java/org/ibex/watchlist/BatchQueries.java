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
import java.util.function.Function;
import org.ibex.store.CsvReader;

/**
 * Reads the batch-screening CSV, {@code id,name,dateOfBirth,nationality,sex,documentNumber} (the last four may be
 * empty; the name in any script), one traveller per row. A row that does not read is reported with its line and
 * field and the rest go on; the header must name the six columns (in any order; others are ignored).
 */
public final class BatchQueries {
    public static final List<String> COLUMNS = List.of("id", "name", "dateOfBirth", "nationality", "sex",
            "documentNumber");
    /** Longer ids are someone else's data pasted into the wrong column; they would also swamp the output. */
    static final int MAX_ID = 200;

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
        CsvReader csv = new CsvReader(withoutBom(in));
        List<String> header;
        try {
            header = csv.next();
        } catch (CsvReader.CsvException e) {
            throw new BatchFileException(e.getMessage());
        }
        if (header == null || header.isEmpty()) {
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
                throw new BatchFileException("line 1: the header lacks column " + column + "; it must be "
                        + String.join(",", COLUMNS));
            }
        }
        while (true) {
            List<String> fields;
            try {
                fields = csv.next();
            } catch (CsvReader.CsvException e) {
                throw new BatchFileException(e.getMessage());
            }
            if (fields == null) {
                return;
            }
            if (fields.isEmpty() || fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            int line = csv.rowLine();
            rows.accept(row("line " + line, line, column -> {
                Integer i = at.get(column.toLowerCase(Locale.ROOT));
                return i == null || i >= fields.size() ? null : fields.get(i);
            }));
        }
    }

    /**
     * One traveller of a JSON manifest, item {@code number} (1-based), under the same rules as a CSV row: the
     * map holds the six columns by name, absent or blank where not known.
     */
    public static Row item(int number, Map<String, String> fields) {
        return row("item " + number, number, fields::get);
    }

    private static Row row(String where, int line, Function<String, String> field) {
        Function<String, String> value = column -> {
            String v = field.apply(column);
            return v == null || v.isBlank() ? null : v.strip();
        };
        String id = value.apply("id");
        String name = value.apply("name");
        if (id == null) {
            return new Row(line, null, null, where + ": id is required");
        }
        if (id.length() > MAX_ID) {
            return new Row(line, RowChecks.shown(id), null, where + ": id is longer than " + MAX_ID + " characters");
        }
        if (name == null) {
            return new Row(line, id, null, where + ": name is required");
        }
        if (name.length() > PersonEntry.MAX_NAME) {
            return new Row(line, id, null, where + ": name is longer than " + PersonEntry.MAX_NAME + " characters");
        }
        LocalDate birth = null;
        String birthText = value.apply("dateOfBirth");
        if (birthText != null) {
            try {
                birth = LocalDate.parse(birthText);
            } catch (DateTimeParseException e) {
                return new Row(line, id, null, where + ": dateOfBirth '" + RowChecks.shown(birthText)
                        + "' must be a date yyyy-MM-dd");
            }
        }
        String nationality = upper(value.apply("nationality"));
        if (nationality != null && !CountryNames.isNationalityCode(nationality)) {
            return new Row(line, id, null, where + ": nationality '" + RowChecks.shown(nationality)
                    + "' must be an ISO 3166-1 alpha-3 or ICAO code");
        }
        String sex = upper(value.apply("sex"));
        if (sex != null && !sex.matches("[MFX]")) {
            return new Row(line, id, null, where + ": sex '" + RowChecks.shown(sex) + "' must be M, F, X or empty");
        }
        String document = value.apply("documentNumber");
        if (document != null && document.length() > ListedDocument.MAX_NUMBER) {
            return new Row(line, id, null, where + ": documentNumber is longer than " + ListedDocument.MAX_NUMBER
                    + " characters");
        }
        return new Row(line, id, new ScreeningQuery(name, birth, nationality, sex, document, null), null);
    }

    /** Drops a byte-order mark at the very start, which would otherwise stick to the first header field. */
    private static Reader withoutBom(Reader in) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return new java.io.BufferedReader(pushback);
    }

    private static String upper(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }
}

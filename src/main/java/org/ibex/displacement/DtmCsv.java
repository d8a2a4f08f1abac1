package org.ibex.displacement;

import org.ibex.store.CsvReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** DTM rows from the CSV layout of DTM's API exports: a header naming the fields, one figure per row. */
final class DtmCsv {
    private DtmCsv() {
    }

    static List<Located> read(String text, DtmLimits limits, Problems problems) {
        List<Located> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            List<String> header = csv.next();
            if (header == null) {
                throw DtmFileException.one("line 1: field header: the file is empty; the header names the DTM"
                        + " columns " + String.join(",", DtmRowRules.KNOWN));
            }
            List<String> columns = columns(header);
            List<String> fields;
            int count = 0;
            while ((fields = csv.next()) != null) {
                if (fields.isEmpty() || fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                String where = "line " + csv.rowLine();
                if (count++ >= limits.maxRows()) {
                    throw DtmFileException.limit(where + ": field file: more than " + limits.maxRows()
                            + " rows; split the file");
                }
                if (fields.size() != columns.size()) {
                    problems.add(where, "row", "has " + fields.size() + " fields where the header has "
                            + columns.size());
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    String value = fields.get(i).strip();
                    values.put(columns.get(i), value.isEmpty() ? null : value);
                }
                DtmRow row = DtmRowRules.read(values, where, problems);
                if (row != null) {
                    rows.add(new Located(where, row));
                }
            }
        } catch (CsvReader.CsvException e) {
            throw DtmFileException.one(e.getMessage().replaceFirst(": ", ": field row: "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The header's columns under their DTM names; a header that is not DTM's is refused whole. */
    private static List<String> columns(List<String> header) {
        Problems problems = new Problems();
        Map<String, String> known = new HashMap<>();
        DtmRowRules.KNOWN.forEach(k -> known.put(k.toLowerCase(Locale.ROOT), k));
        List<String> columns = new ArrayList<>();
        for (String cell : header) {
            String name = known.get(cell.strip().toLowerCase(Locale.ROOT));
            if (name == null) {
                problems.add("line 1", DtmRowRules.shown(cell.strip()), "is not a DTM column (expected "
                        + String.join(",", DtmRowRules.KNOWN) + ")");
            } else if (columns.contains(name)) {
                problems.add("line 1", name, "the column appears twice in the header");
            }
            columns.add(name);
        }
        for (String required : DtmRowRules.REQUIRED) {
            if (!columns.contains(required)) {
                problems.add("line 1", required, "the column is missing from the header");
            }
        }
        problems.throwIfAny();
        return columns;
    }
}

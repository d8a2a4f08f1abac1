package org.ibex.watchlist;

import org.ibex.store.CsvReader;

import java.io.IOException;
import java.util.List;

/** What both CSV importers share: reading rows within the row budget and naming CsvReader's failures. */
final class CsvFiles {
    private CsvFiles() {
    }

    /** The next non-blank row, or null at the end; the row budget restarts for each row. */
    static List<String> nextRow(CsvReader csv, GuardedReader reader) throws IOException {
        while (true) {
            reader.startRow();
            List<String> row = csv.next();
            if (row == null || !row.isEmpty()) {
                return row;
            }
        }
    }

    /** A CsvReader failure as a file-level error. */
    static RowError describe(Exception e) {
        if (e instanceof CsvReader.CsvException) {
            // CsvReader gives only a message: its wording is the one way to tell its limits from bad quoting.
            String message = e.getMessage();
            String rule = message.contains("longer than") ? RowError.FIELD_TOO_LONG
                    : message.contains("fields in a row") ? RowError.ROW_TOO_LONG : RowError.SYNTAX;
            return new RowError(0, "file", rule, message);
        }
        if (e instanceof IOException) {
            return new RowError(0, "file", RowError.IO, "the file could not be read: " + e.getMessage());
        }
        // Not a fault of the file that we know of: most likely ours. Say so rather than blame the file.
        return new RowError(0, "file", RowError.SYNTAX, "reading stopped on an unexpected " + e
                + "; this looks like a fault in IBEX, please report it with the file");
    }
}

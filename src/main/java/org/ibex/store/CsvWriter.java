package org.ibex.store;

import java.util.List;

/**
 * Writes RFC 4180 CSV for people who open it in a spreadsheet: CRLF line ends, a field quoted when it holds a
 * comma, quote or line break (quotes doubled), and a cell that begins with = + - @ (or a tab or carriage return)
 * prefixed with a single quote, so a spreadsheet shows it as text instead of running it as a formula (OWASP
 * "CSV injection"). A text that looks like a negative number is prefixed too; a cell given as a number is written as
 * it is, so a net flow of -5 stays a number a spreadsheet can add.
 */
public final class CsvWriter {
    private final StringBuilder out = new StringBuilder();

    /** Appends one row. Null cells are written empty. */
    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof Long || value instanceof Integer) {
            return text;
        }
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

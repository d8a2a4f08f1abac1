package org.ibex.store;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader: quoted fields, doubled quotes, separators and line breaks inside quotes, CRLF
 * or LF. Streams row by row so a file of any size is read in bounded memory; a single field or row larger
 * than the limits is an error, never an unbounded allocation.
 */
public final class CsvReader implements AutoCloseable {
    static final int MAX_FIELD = 64 * 1024;
    static final int MAX_FIELDS = 512;
    private final Reader in;
    private int line = 1;
    private int rowStartLine = 1;
    private boolean eof;

    public CsvReader(Reader in) {
        // Quote handling peeks one character ahead, which needs mark/reset.
        this.in = in.markSupported() ? in : new java.io.BufferedReader(in);
    }

    /** The line on which the last row returned began (1-based), for error messages. */
    public int rowLine() {
        return rowStartLine;
    }

    /** The next row's fields, or null at end of input. A blank line yields an empty list. */
    public List<String> next() throws IOException {
        if (eof) {
            return null;
        }
        rowStartLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                eof = true;
                if (quoted) {
                    throw new CsvException(rowStartLine, "quoted field not closed before end of file");
                }
                if (!any && field.length() == 0 && fields.isEmpty()) {
                    return null;
                }
                checkRoom(fields);
                fields.add(field.toString());
                return fields;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int d = in.read();
                    if (d == '"') {
                        append(field, '"');
                    } else {
                        quoted = false;
                        if (d >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                addField(fields, field);
            } else if (c == '\n') {
                line++;
                checkRoom(fields);
                fields.add(stripCr(field));
                return fields.size() == 1 && fields.get(0).isEmpty() ? List.of() : fields;
            } else {
                append(field, (char) c);
            }
        }
    }

    private void addField(List<String> fields, StringBuilder field) {
        checkRoom(fields);
        fields.add(field.toString());
        field.setLength(0);
    }

    /** Called before every field of a row is added, the last one included. */
    private void checkRoom(List<String> fields) {
        if (fields.size() >= MAX_FIELDS) {
            throw new CsvException(rowStartLine, "more than " + MAX_FIELDS + " fields in a row");
        }
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD) {
            throw new CsvException(rowStartLine, "field longer than " + MAX_FIELD + " characters");
        }
        field.append(c);
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A CSV file that cannot be read further, with the line where it broke. */
    public static final class CsvException extends RuntimeException {
        public CsvException(int line, String message) {
            super("line " + line + ": " + message);
        }
    }
}

package org.ibex.watchlist;

/**
 * A problem found while importing a list: the row (the 1-based entry number in the file; 0 for the file as a
 * whole), the field, a stable rule code for machines, and a message for people. A file-level error means the
 * file was not read to its end. A warning keeps the entry (for example a country name no table knows).
 */
public record RowError(int row, String field, String rule, String message, Severity severity) {
    public static final String ENCODING = "encoding";
    public static final String IO = "io";
    public static final String FIELD_TOO_LONG = "field-too-long";
    public static final String ROW_TOO_LONG = "row-too-long";
    public static final String TOO_MANY_ROWS = "too-many-rows";
    public static final String TOO_MANY_ERRORS = "too-many-errors";
    public static final String SYNTAX = "syntax";
    public static final String STRUCTURE = "structure";
    public static final String FORMAT = "format";
    public static final String UNKNOWN_COLUMN = "unknown-column";
    public static final String MISSING_COLUMN = "missing-column";
    public static final String DUPLICATE_COLUMN = "duplicate-column";
    public static final String FIELD_COUNT = "field-count";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String REQUIRED = "required";
    public static final String TOO_LONG = "too-long";
    public static final String CODE = "code";
    public static final String RANGE = "range";
    public static final String DATE_FORMAT = "date-format";
    public static final String ACTION = "action";
    public static final String STATUS = "status";
    public static final String TYPE = "type";
    public static final String COUNTRY_NAME = "country-name";
    public static final String COUNTRY_CODE = "country-code";

    /** Whether the entry was dropped (or the file stopped) or only noted. */
    public enum Severity { ERROR, WARNING }

    public RowError {
        if (row < 0) {
            throw new IllegalArgumentException("row is " + row + "; rows count from 1, and 0 means the whole file");
        }
        if (severity == null) {
            throw new IllegalArgumentException("severity is required: ERROR or WARNING");
        }
    }

    /** An error: the entry on that row was not taken, or (row 0) the file was not read to its end. */
    public RowError(int row, String field, String rule, String message) {
        this(row, field, rule, message, Severity.ERROR);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public boolean isFileLevel() {
        return row == 0;
    }

    @Override
    public String toString() {
        return (row == 0 ? "file" : "row " + row) + ", field " + field + " [" + rule + "]"
                + (isWarning() ? " (warning)" : "") + ": " + message;
    }
}

package org.ibex.watchlist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks the fields of one row, reporting every problem with the row, line and field. A strict check makes
 * the row fail; a lenient one (for lists we cannot correct, such as the UN's) warns and leaves the field empty.
 */
final class RowChecks {
    private static final int SHOWN_VALUE = 80;
    private final EntrySink sink;
    private final int row;
    private final String where;
    private boolean failed;

    RowChecks(EntrySink sink, int row, int line) {
        this.sink = sink;
        this.row = row;
        this.where = "line " + line + ": ";
    }

    int row() {
        return row;
    }

    /** True once a strict check failed: the row must not become an entry. */
    boolean failed() {
        return failed;
    }

    String required(String field, String value) {
        if (value == null || value.isBlank()) {
            error(field, RowError.REQUIRED, field + " is required");
            return null;
        }
        return value.strip();
    }

    /** The parsed value, or null if blank; a value that does not parse fails the row. */
    <T> T strict(String field, String value, Function<String, T> parse) {
        return parsed(field, value, parse, false);
    }

    /** The parsed value, or null if blank or (with a warning) if it does not parse. */
    <T> T lenient(String field, String value, Function<String, T> parse) {
        return parsed(field, value, parse, true);
    }

    /** Builds the entry; a rule the record enforces fails the row, reported under {@code fieldName(recordField)}. */
    <T> T build(Supplier<T> constructor, Function<String, String> fieldName) {
        if (failed) {
            return null;
        }
        try {
            return constructor.get();
        } catch (InvalidEntryException e) {
            error(fieldName.apply(e.field()), e.rule(), e.getMessage());
            return null;
        }
    }

    /**
     * The first {@link PersonEntry#MAX_VALUES} distinct values, with a warning naming the field if there were
     * more: for lists we cannot correct, where an entry is better kept with fifty dates than dropped.
     */
    <T> List<T> atMost(String field, List<T> values) {
        List<T> distinct = values.stream().distinct().toList();
        if (distinct.size() <= PersonEntry.MAX_VALUES) {
            return distinct;
        }
        warning(field, RowError.TOO_LONG, field + " holds " + distinct.size() + " values; the entry keeps the first "
                + PersonEntry.MAX_VALUES);
        return distinct.subList(0, PersonEntry.MAX_VALUES);
    }

    void error(String field, String rule, String message) {
        failed = true;
        sink.error(row, field, rule, where + message);
    }

    void warning(String field, String rule, String message) {
        sink.warning(row, field, rule, where + message);
    }

    private <T> T parsed(String field, String value, Function<String, T> parse, boolean lenient) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (InvalidEntryException e) {
            // Say which field and value, unless the message already does.
            String message = e.field().equals(field) ? e.getMessage()
                    : e.getMessage().contains("'" + value.strip() + "'") ? field + ": " + e.getMessage()
                    : field + " '" + shown(value) + "': " + e.getMessage();
            report(field, e.rule(), message, lenient);
        } catch (DateTimeParseException e) {
            report(field, RowError.DATE_FORMAT, field + " '" + shown(value) + "' is not a date in the form"
                    + " yyyy-MM-dd", lenient);
        }
        return null;
    }

    private void report(String field, String rule, String message, boolean lenient) {
        if (lenient) {
            warning(field, rule, message + "; the field is left empty");
        } else {
            error(field, rule, message);
        }
    }

    /** An ISO date, yyyy-MM-dd. */
    static LocalDate isoDate(String text) {
        return LocalDate.parse(text);
    }

    static String shown(String value) {
        return value.length() <= SHOWN_VALUE ? value : value.substring(0, SHOWN_VALUE) + "…";
    }
}

package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a parser puts what it reads: entries, errors, row counts. Holds the row and error limits and reports
 * progress. {@link Stop} ends a parse that cannot or should not go on; the file-level error is already recorded.
 */
final class EntrySink {
    private static final int MAX_MESSAGE = 500;
    private final ParseLimits limits;
    private final Consumer<Integer> progress;
    private final List<PersonEntry> persons = new ArrayList<>();
    private final List<DocumentEntry> documents = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private int rowsRead;
    private int rowsSkipped;

    EntrySink(ParseLimits limits, Consumer<Integer> progress) {
        this.limits = limits;
        this.progress = progress;
    }

    /** Counts a new row (entry) and returns its 1-based number. */
    int startRow() {
        if (rowsRead >= limits.maxRows()) {
            throw stop(RowError.TOO_MANY_ROWS, "more than " + limits.maxRows() + " rows; split the list into"
                    + " several files");
        }
        rowsRead++;
        if (progress != null && rowsRead % limits.progressEvery() == 0) {
            progress.accept(rowsRead);
        }
        return rowsRead;
    }

    void person(PersonEntry entry) {
        persons.add(entry);
    }

    void document(DocumentEntry entry) {
        documents.add(entry);
    }

    /** A row read and left out on purpose (an entity where only persons are kept). */
    void skipped() {
        rowsSkipped++;
    }

    void error(int row, String field, String rule, String message) {
        add(new RowError(row, field, rule, message));
    }

    void warning(int row, String field, String rule, String message) {
        add(new RowError(row, field, rule, message, RowError.Severity.WARNING));
    }

    /** Records a file-level error; the caller stops reading. */
    void fileError(String field, String rule, String message) {
        errors.add(new RowError(0, field, rule, message));
    }

    /** Records a file-level error and returns the exception that ends the parse. */
    Stop stop(String rule, String message) {
        fileError("file", rule, message);
        return new Stop();
    }

    private void add(RowError error) {
        // A message quotes the value it rejects; a 64 KiB value must not make every message that large.
        if (errors.size() >= limits.maxErrors()) {
            throw stop(RowError.TOO_MANY_ERRORS, "stopped after " + limits.maxErrors() + " errors; fix those"
                    + " first (is this the right format?)");
        }
        errors.add(error.message().length() <= MAX_MESSAGE ? error : new RowError(error.row(), error.field(),
                error.rule(), error.message().substring(0, MAX_MESSAGE) + "…", error.severity()));
    }

    ParsedEntries result() {
        if (progress != null) {
            progress.accept(rowsRead);
        }
        return new ParsedEntries(persons, documents, errors, rowsRead, rowsSkipped);
    }

    /** Ends a parse whose file-level error is already recorded. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}

package org.ibex.watchlist;

import java.util.List;

/**
 * What a parser read: the entries it accepted, the errors and warnings it found, the rows (entries) it read, and
 * of those the rows it skipped on purpose (UN entities, OpenSanctions companies).
 */
public record ParsedEntries(List<PersonEntry> persons, List<DocumentEntry> documents, List<RowError> errors,
                            int rowsRead, int rowsSkipped) {
    public ParsedEntries {
        persons = List.copyOf(persons);
        documents = List.copyOf(documents);
        errors = List.copyOf(errors);
    }

    public ParsedEntries(List<PersonEntry> persons, List<DocumentEntry> documents, List<RowError> errors, int rowsRead) {
        this(persons, documents, errors, rowsRead, 0);
    }

    /** True when the file was read to its end: no file-level error. Row errors may still be present. */
    public boolean complete() {
        return errors.stream().noneMatch(RowError::isFileLevel);
    }

    /** True when nothing but warnings was found: the whole file may be imported as read. */
    public boolean clean() {
        return errors.stream().allMatch(RowError::isWarning);
    }
}

package org.ibex.watchlist;

/**
 * Which entries of a list to read: persons or documents, a search (part of any name, case-insensitive; or part
 * of a document number), the paging cursor (entries after this entry id) and the page size.
 */
public record EntryQuery(String listId, Kind kind, String search, String after, int limit) {
    /** Person entries or document entries. */
    public enum Kind { PERSON, DOCUMENT }

    public EntryQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more (got " + limit + ")");
        }
        search = search == null || search.isBlank() ? null : search.strip();
        after = after == null || after.isEmpty() ? null : after;
    }
}

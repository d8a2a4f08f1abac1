package org.ibex.watchlist;

import java.util.List;

/**
 * A page of a list's entries in entry-id order: persons or documents, as asked. {@code nextAfter} is the cursor
 * for the next page, null on the last.
 */
public record EntryPage(WatchlistInfo list, String post, List<PersonEntry> persons, List<DocumentEntry> documents,
                        String nextAfter) {
    public EntryPage {
        persons = List.copyOf(persons);
        documents = List.copyOf(documents);
    }

    int size() {
        return persons.size() + documents.size();
    }
}

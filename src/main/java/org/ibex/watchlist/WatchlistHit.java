package org.ibex.watchlist;

/**
 * One hit: which list entry, how strong, what to do, and why in words an officer reads. {@code person} or
 * {@code document} holds the entry as it stood when the hit was made.
 */
public record WatchlistHit(Kind kind, String listId, String entryId, double score, EntryAction action,
                           String matchedName, String explanation, PersonEntry person, DocumentEntry document) {
    /** A hit on a listed person or on a lost, stolen or revoked document. */
    public enum Kind { PERSON, DOCUMENT }
}

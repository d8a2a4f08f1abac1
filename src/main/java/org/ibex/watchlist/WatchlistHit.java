package org.ibex.watchlist;

/**
 * One hit: which list entry, how strong, what to do, and why in words an officer reads. {@code person} or
 * {@code document} holds the entry as it stood when the hit was made. {@code namesake} marks a hit shown for the
 * officer to see but that must not stop the traveller: a strong name whose every listed birth date conflicts with
 * the traveller's, on a list whose policy ({@link NamesakePolicy#SHOW}) is not to alert on namesakes.
 */
public record WatchlistHit(Kind kind, String listId, String entryId, double score, EntryAction action,
                           String matchedName, String explanation, PersonEntry person, DocumentEntry document,
                           boolean namesake) {
    /** A hit on a listed person or on a lost, stolen or revoked document. */
    public enum Kind { PERSON, DOCUMENT }

    /** A hit that alerts (not a namesake). */
    public WatchlistHit(Kind kind, String listId, String entryId, double score, EntryAction action, String matchedName,
                        String explanation, PersonEntry person, DocumentEntry document) {
        this(kind, listId, entryId, score, action, matchedName, explanation, person, document, false);
    }

    /** Whether the hit stops the traveller for the officer's check: every hit but a namesake shown only. */
    public boolean alerts() {
        return !namesake;
    }
}

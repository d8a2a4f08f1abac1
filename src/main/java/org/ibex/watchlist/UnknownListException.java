package org.ibex.watchlist;

/** No list has this id (HTTP 404). */
public final class UnknownListException extends RuntimeException {
    public UnknownListException(String listId) {
        super("no watchlist '" + listId + "'");
    }
}

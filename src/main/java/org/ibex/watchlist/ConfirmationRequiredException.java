package org.ibex.watchlist;

/**
 * A change that would empty a list or remove most of it, asked for without confirming the exact number of
 * entries it removes (HTTP 409). The message says how many and how to confirm.
 */
public final class ConfirmationRequiredException extends RuntimeException {
    private final int removed;

    public ConfirmationRequiredException(String message, int removed) {
        super(message);
        this.removed = removed;
    }

    public int removed() {
        return removed;
    }
}

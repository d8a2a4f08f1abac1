package org.ibex.sync;

/** The node has no sync state of the kind asked: it is not a post of a listed headquarters, or not a headquarters. */
public final class SyncUnavailableException extends RuntimeException {
    public SyncUnavailableException(String message) {
        super(message);
    }
}

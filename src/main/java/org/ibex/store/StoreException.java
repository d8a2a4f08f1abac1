package org.ibex.store;

/** A storage failure, with the database's own message kept. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.ibex.access;

/** The user is known but may not do this (HTTP 403). The message says which rule refused. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}

package org.ibex.biometrics;

/** A person or subject has no fingerprints in force: the caller should enrol first or check the id. */
public final class NotEnrolledException extends RuntimeException {
    public NotEnrolledException(String message) {
        super(message);
    }
}

package org.ibex.biometrics;

/** The node is extracting as many fingers as it has cores for; the caller should retry after the given seconds (HTTP 503). */
public final class BiometricsBusyException extends RuntimeException {
    private final long retryAfterSeconds;

    public BiometricsBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

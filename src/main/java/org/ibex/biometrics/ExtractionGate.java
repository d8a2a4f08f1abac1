package org.ibex.biometrics;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many finger images are decoded and templated at once, so that one request with large images
 * cannot take every core from the others. Fair, so requests are served in arrival order; a finger that waits
 * longer than the bounded wait is refused with {@link BiometricsBusyException} rather than queued without end.
 */
public final class ExtractionGate {
    private final Semaphore permits;
    private final int size;
    private final Duration maxWait;

    public ExtractionGate(int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("extraction permits must be at least 1, was " + permits);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("extraction wait must not be negative, was " + maxWait);
        }
        this.permits = new Semaphore(permits, true);
        this.size = permits;
        this.maxWait = maxWait;
    }

    /** One permit per core, and ten seconds: twenty times an honest finger's decode and extraction. */
    public static ExtractionGate forCores() {
        return new ExtractionGate(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10));
    }

    /** Runs one finger's decode and extraction under a permit. */
    public <T> T run(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BiometricsBusyException("interrupted while waiting to extract a finger", retryAfterSeconds());
        }
        if (!admitted) {
            throw new BiometricsBusyException("all " + size + " fingerprint extraction slots stayed busy for "
                    + maxWait.toMillis() + " ms; try again shortly", retryAfterSeconds());
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private long retryAfterSeconds() {
        return Math.max(1, maxWait.toSeconds());
    }
}

package org.ibex.web;

import org.ibex.biometrics.BiometricsBusyException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of image-carrying request bodies the node holds at once, across requests. A 24 MiB body costs
 * about three times that while it is parsed and decoded, so a few of them at once could exhaust a small heap;
 * a request that cannot get its bytes within a short wait gets 503 with Retry-After instead.
 */
final class BodyBudget {
    /** An eighth of the heap in raw body bytes: about three eighths once parsed and decoded. */
    static final int HEAP_SHARE = 8;
    private static final long WAIT_MILLIS = 2_000;
    private final Semaphore bytes;
    private final int total;

    BodyBudget(long budgetBytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes));
        this.bytes = new Semaphore(total);
    }

    /** A budget sized to this JVM's heap, at least one full body so a single request always fits. */
    static BodyBudget forHeap(long maxBody) {
        return new BodyBudget(Math.max(maxBody, Runtime.getRuntime().maxMemory() / HEAP_SHARE));
    }

    Lease lease() {
        return new Lease();
    }

    /** What one request holds; closed when its handler is done with the body. */
    final class Lease implements AutoCloseable {
        private int held;

        /** Takes {@code n} more bytes, waiting briefly; 503 when the node holds too many bodies already. */
        void take(long n) {
            int wanted = (int) Math.min(n, total - held);
            if (wanted <= 0) {
                return;
            }
            try {
                if (!bytes.tryAcquire(wanted, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new BiometricsBusyException("the node is holding as many image uploads as its memory"
                            + " allows; send again shortly", 5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BiometricsBusyException("interrupted while waiting to read the body", 5);
            }
            held += wanted;
        }

        int held() {
            return held;
        }

        @Override
        public void close() {
            bytes.release(held);
            held = 0;
        }
    }

    int available() {
        return bytes.availablePermits();
    }
}

package org.ibex.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stops the background loops of the exchange without breaking the database under them. */
final class Loops {
    /** Long enough for a delivery or processing pass to finish its transaction. */
    private static final long GRACE_SECONDS = 10;

    private Loops() {
    }

    /**
     * Lets the running pass finish before the loop ends, and interrupts only one that overruns the grace period:
     * an interrupt that lands in H2's file I/O closes the file channel, and with it the database for every user
     * in the process ("The database has been closed").
     */
    static void stop(ExecutorService loop) {
        loop.shutdown();
        try {
            if (!loop.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

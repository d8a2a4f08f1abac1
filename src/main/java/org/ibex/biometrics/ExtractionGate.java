package org.ibex.biometrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many finger images are decoded and templated at once, so that one request with large images
 * cannot take every core from the others. A request takes one permit per finger it works on in parallel, up to
 * all of them, from a fair semaphore (requests are served in arrival order); one that waits longer than the
 * bounded wait is refused with {@link BiometricsBusyException} rather than queued without end. The work runs
 * on the caller's thread and the gate's own workers, never on the common fork-join pool, which 1:N search uses.
 */
public final class ExtractionGate {
    private final Semaphore permits;
    private final int size;
    private final Duration maxWait;
    private final ThreadPoolExecutor helpers;

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
        AtomicInteger count = new AtomicInteger();
        // Never more helpers busy than permits out, so the queue only ever holds a task for a moment.
        this.helpers = new ThreadPoolExecutor(permits, permits, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "ibex-extraction-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.helpers.allowCoreThreadTimeOut(true);
    }

    /** One permit per core, and ten seconds: many times an honest finger's decode and extraction. */
    public static ExtractionGate forCores() {
        return new ExtractionGate(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10));
    }

    /** Runs one finger's decode and extraction under a permit, on the caller's thread. */
    public <T> T run(Supplier<T> work) {
        return runAll(List.of(work)).get(0);
    }

    /** Runs the fingers of one request, as many at once as it could take permits for; results in order. */
    public <T> List<T> runAll(List<Supplier<T>> work) {
        int parallel = Math.max(1, Math.min(work.size(), size));
        acquire(parallel);
        try {
            Object[] results = new Object[work.size()];
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
                    results[i] = work.get(i).get();
                }
            };
            List<Future<?>> started = new ArrayList<>();
            for (int i = 1; i < parallel; i++) {
                started.add(helpers.submit(worker));
            }
            Throwable failure = null;
            try {
                worker.run();
            } catch (RuntimeException | Error e) {
                failure = e;
                next.set(work.size());
            }
            for (Future<?> helper : started) {
                try {
                    helper.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    next.set(work.size());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? busy("interrupted while extracting fingers") : failure;
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<T> done = (List<T>) Arrays.asList(results);
            return done;
        } finally {
            permits.release(parallel);
        }
    }

    private void acquire(int count) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(count, maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("interrupted while waiting to extract fingers");
        }
        if (!admitted) {
            throw busy("all " + size + " fingerprint extraction slots stayed busy for " + maxWait.toMillis()
                    + " ms; try again shortly");
        }
    }

    private BiometricsBusyException busy(String message) {
        return new BiometricsBusyException(message, Math.max(1, maxWait.toSeconds()));
    }
}

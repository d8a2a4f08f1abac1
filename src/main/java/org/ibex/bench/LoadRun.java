package org.ibex.bench;

import org.ibex.node.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs numbered operations on a few threads, timing each one, with a progress bar: the loop every benchmark shares. */
public final class LoadRun {
    /** Heap in use right after a collection: the memory lines of the benchmarks. */
    public static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** One operation, by its number; it may throw, which ends the run. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    /** Latency percentiles in milliseconds and operations per second. */
    public record Result(double p50, double p99, double perSecond) {
    }

    private LoadRun() {
    }

    public static Result run(String label, int total, int threads, Operation operation) throws Exception {
        Latencies latencies = new Latencies(total);
        AtomicInteger next = new AtomicInteger();
        Progress progress = new Progress(label.length() > 12 ? label.substring(0, 12) : label, total);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long t0 = System.nanoTime();
                        operation.run(i);
                        latencies.add(System.nanoTime() - t0);
                        synchronized (progress) {
                            progress.advance(1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.done();
        return new Result(latencies.percentileMillis(50), latencies.percentileMillis(99), total / seconds);
    }
}

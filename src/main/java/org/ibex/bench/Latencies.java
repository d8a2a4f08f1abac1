package org.ibex.bench;

import java.util.Arrays;

/** Recorded latencies in nanoseconds and their percentiles. */
public final class Latencies {
    private final long[] nanos;
    private int count;

    public Latencies(int capacity) {
        nanos = new long[capacity];
    }

    public synchronized void add(long value) {
        if (count < nanos.length) {
            nanos[count++] = value;
        }
    }

    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }
}

package org.ibex.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this process and by another one, for benchmarks on shared machines: wall-clock rates move with
 * whatever else runs, CPU time per operation much less.
 */
public final class ProcessCpu {
    private final ProcessHandle other;

    /** CPU seconds of both processes at one moment. */
    public record Reading(double self, double other) {
        /** Milliseconds of CPU per operation in each process between {@code earlier} and this reading. */
        double[] millisPer(Reading earlier, long operations) {
            return new double[]{(self - earlier.self) * 1000 / operations, (other - earlier.other) * 1000 / operations};
        }
    }

    public ProcessCpu(long otherPid) {
        this.other = ProcessHandle.of(otherPid).orElseThrow(() -> new IllegalStateException("process " + otherPid
                + " is not running"));
    }

    public Reading read() {
        return new Reading(self(), other.info().totalCpuDuration().map(ProcessCpu::seconds).orElse(Double.NaN));
    }

    /**
     * Waits until the other process has gone quiet (under a tenth of a core for a quarter of a second), at most
     * {@code limit}: a receiver goes on processing what it stored after the last receipt went out.
     */
    public Reading afterOtherSettles(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Reading last = read();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            Reading now = read();
            if (now.other() - last.other() < 0.025) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static double self() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return ProcessHandle.current().info().totalCpuDuration().map(ProcessCpu::seconds).orElse(Double.NaN);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

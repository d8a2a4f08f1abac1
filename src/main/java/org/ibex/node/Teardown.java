package org.ibex.node;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a benchmark opened, newest first and once: when the run ends or, should it be stopped (Ctrl-C), from a
 * shutdown hook, so no child process or temporary folder outlives it.
 */
public final class Teardown implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "ibex-bench-teardown");

    public Teardown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers {@code resource} to be closed before everything registered earlier; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    private synchronized void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                // Keep going: the rest still has to be closed.
                System.err.println("ibex: could not close " + resource + ": " + Failures.describe(e));
            }
        }
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook has run or is running.
        }
    }
}

package org.ibex.node;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Child processes that must not outlive their parent: stopped on {@link #close()}, and by a shutdown hook when the
 * parent is interrupted (Ctrl-C) or exits. A child that ends while nobody asked it to is reported at once.
 */
public final class NodeProcesses implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final PrintStream out;
    private final List<ChildNode> children = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "ibex-stop-children");
    private volatile boolean stopping;

    public NodeProcesses(PrintStream out) {
        this.out = out;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code ibex ARGS} as a child named {@code name}, logging to {@code log}. */
    public ChildNode start(String name, Path log, Map<String, String> environment, List<String> args)
            throws IOException {
        return start(name, log, environment, ChildNode.LIGHT_JVM, args);
    }

    /** As {@link #start(String, Path, Map, List)}, the child's JVM started with {@code jvmOptions}. */
    public ChildNode start(String name, Path log, Map<String, String> environment, List<String> jvmOptions,
                    List<String> args) throws IOException {
        if (stopping) {
            throw new IllegalStateException("stopping; " + name + " is not started");
        }
        ChildNode child = ChildNode.start(name, log, environment, jvmOptions, args);
        children.add(child);
        child.process().onExit().thenAccept(process -> {
            if (!stopping) {
                int code = process.exitValue();
                out.println("node " + name + " (pid " + process.pid() + ") ended unexpectedly with exit code " + code
                        + (code > 128 ? " (signal " + (code - 128) + ")" : "") + "; its log " + child.log()
                        + " ends with:" + child.tail());
                out.flush();
            }
        });
        return child;
    }

    /** Blocks until every child has ended; true when they ended because they were asked to stop. */
    public boolean awaitAllEnded() throws InterruptedException {
        try {
            CompletableFuture.allOf(children.stream().map(c -> c.process().onExit()).toArray(CompletableFuture[]::new))
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the nodes failed: " + e.getCause(), e.getCause());
        }
        return stopping;
    }

    /** Whether the children are being stopped on purpose (close, Ctrl-C). */
    public boolean stopping() {
        return stopping;
    }

    /** Stops every child; idempotent. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: it did the same.
        }
    }

    /** Asks all children at once and waits for each, so stopping five takes as long as the slowest. */
    private synchronized void stopAll() {
        boolean first = !stopping;
        stopping = true;
        List<ChildNode> alive = children.stream().filter(c -> c.process().isAlive()).toList();
        if (alive.isEmpty()) {
            return;
        }
        alive.forEach(c -> c.process().destroy());
        int forced = 0;
        for (ChildNode child : alive) {
            try {
                if (!child.stop(GRACE)) {
                    forced++;
                    out.println("node " + child.name() + " did not stop within " + GRACE.toSeconds() + " s and was"
                            + " killed; see " + child.log());
                }
            } catch (InterruptedException e) {
                // Still end the rest: an interrupted stop must not leave nodes running.
                child.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (first) {
            out.println("stopped " + alive.size() + " node" + (alive.size() == 1 ? "" : "s")
                    + (forced == 0 ? "" : " (" + forced + " killed)"));
        }
        out.flush();
    }
}

package org.ibex.node;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One ibex command running in a process of its own, its output going to a log file. */
public final class ChildNode {
    /** The command line's entry point, named rather than referenced: the node package does not depend on cli. */
    public static final String MAIN_CLASS = "org.ibex.cli.Main";
    /**
     * Five JVMs start at once on one laptop: a small heap and the serial collector keep each light, and the quick
     * compiler alone starts a node in about a third of the time (a demo node carries no load that needs C2).
     */
    public static final List<String> LIGHT_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final int TAIL_LINES = 5;

    private final String name;
    private final Path log;
    private final Process process;

    private ChildNode(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code ibex ARGS} with this JVM's class path (the running jar, or the build's classes in a test).
     * The log is started afresh, so what is waited for is this run's output.
     */
    public static ChildNode start(String name, Path log, Map<String, String> environment, List<String> args)
            throws IOException {
        return start(name, log, environment, LIGHT_JVM, args);
    }

    /** As {@link #start(String, Path, Map, List)}, with {@code jvmOptions} instead of the light demo settings. */
    public static ChildNode start(String name, Path log, Map<String, String> environment, List<String> jvmOptions,
                           List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return new ChildNode(name, log, builder.start());
        } catch (IOException e) {
            throw new IOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the log holds a line the predicate accepts; fails naming the node and its log otherwise. */
    public String awaitLine(Predicate<String> ready, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines()) {
                if (ready.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped with exit code " + process.exitValue() + " before "
                        + what + "; its log " + log + " ends with:" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not report " + what + " within " + timeout.toSeconds()
                        + " s; see its log " + log);
            }
            Thread.sleep(50);
        }
    }

    /** Asks the process to stop (SIGTERM: its shutdown hook closes server and store) and waits up to {@code grace}. */
    public boolean stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return false;
    }

    /** The last lines of the log, indented, for a report of what went wrong. */
    public String tail() {
        List<String> lines = lines();
        StringBuilder tail = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
            tail.append(System.lineSeparator()).append("    ").append(line);
        }
        return lines.isEmpty() ? " (nothing)" : tail.toString();
    }

    private List<String> lines() {
        try {
            return Files.exists(log) ? List.of(Files.readString(log, StandardCharsets.UTF_8).split("\\R"))
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }
}

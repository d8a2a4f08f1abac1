package org.ibex.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code ibex ARGS}: its exit code and what it printed to standard output and error. */
record CliRun(int exit, String out, String err) {

    /** Runs the command with System.out and System.err captured, restoring them afterwards. */
    static CliRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Both streams, for assertion messages. */
    String output() {
        return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }

    boolean printedStackTrace() {
        return (out + err).contains("\tat ") || (out + err).contains("Exception");
    }
}

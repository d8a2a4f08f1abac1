package org.ibex.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex bench sync}: a small backlog really crosses to a headquarters, and the run counts what arrived. */
class SyncBenchTest {
    @Test
    void aPostsBacklogArrivesAtHeadquartersOnceEachAndTheSummarySaysSo() {
        Run run = run("--crossings", "40", "--travellers", "15", "--listed", "3");
        assertThat(run.code()).as(run.out()).isZero();
        String summary = run.out().lines().filter(line -> line.startsWith("SUMMARY ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no SUMMARY line in:\n" + run.out()));
        assertThat(summary).contains("records=40 ", "crossings=40 ", "lost=0 ", "duplicated=0 ", "caught-up-s=",
                "baseline-s=", "records-per-s=");
        assertThat(run.out()).contains("headquarters holds 40 national records, 40 crossings");
    }

    @Test
    void optionsOutOfRangeAreRefusedWithTheOptionNamedBeforeAnythingStarts() {
        assertThat(run("--crossings", "10", "--travellers", "11").err()).contains("--travellers must be 1 to"
                + " --crossings (10), was 11");
        assertThat(run("--enrolments", "5").err()).contains("--enrolments must be 0");
        assertThat(run("--recording", "paper").err()).contains("--recording must be import or desk, was paper");
        assertThat(run("--desks", "0").err()).contains("--desks must be 1 to 64, was 0");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new SyncBench()).execute(args);
            return new Run(code, outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

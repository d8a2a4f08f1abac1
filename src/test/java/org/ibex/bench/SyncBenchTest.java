package org.ibex.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex bench sync}: a small backlog really crosses to a headquarters, and the run counts what arrived. */
class SyncBenchTest {
    private static final String FINGERS = java.nio.file.Path.of(System.getProperty("ibex.shared", "../shared"), "data",
            "fingerprints", "fvc2002", "DB1_B").toString();

    @Test
    void aPostsBacklogArrivesAtHeadquartersOnceEachAndTheSummarySaysSo() {
        Run run = run("--crossings", "40", "--travellers", "15", "--listed", "3", "--enrolments", "3",
                "--fingers", FINGERS, "--delta-posts", "2",
                "--delta-changes", "20");
        assertThat(run.code()).as(run.out()).isZero();
        String summary = run.out().lines().filter(line -> line.startsWith("SUMMARY ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no SUMMARY line in:\n" + run.out()));
        assertThat(summary).contains("records=43 ", "crossings=40 ", "enrolments=3 ", "enrolments-lost=0 ",
                "enrolments-duplicated=0 ", "lost=0 ", "duplicated=0 ", "caught-up-s=",
                "baseline-s=", "records-per-s=");
        assertThat(run.out()).contains("headquarters holds 43 national records, 40 crossings",
                "headquarters holds 3 of the post's 3 enrolled subjects; lost 0, duplicated 0");
        assertThat(summary).contains("delta-posts=2 ", "delta-changes=20 ", "delta-s=", "delta-baseline-s=",
                "delta-held=2 ");
        assertThat(run.out()).as("8 adds, 6 edits, 6 removals of 20 entries leave 22 at every post")
                .contains("20 changes (20 entries before, 22 after) reached 2 posts (2 hold the new list's 22 entries)");
    }

    @Test
    void optionsOutOfRangeAreRefusedWithTheOptionNamedBeforeAnythingStarts() {
        assertThat(run("--crossings", "10", "--travellers", "11").err()).contains("--travellers must be 1 to"
                + " --crossings (10), was 11");
        assertThat(run("--enrolments", "-1").err()).contains("--enrolments must be 0 to 1000000, was -1");
        assertThat(run("--enrolments", "5", "--fingers", "no-such-folder").err()).contains("--fingers must be a folder"
                + " of finger images (.tif, .png), was no-such-folder");
        assertThat(run("--recording", "paper").err()).contains("--recording must be import or desk, was paper");
        assertThat(run("--desks", "0").err()).contains("--desks must be 1 to 64, was 0");
        assertThat(run("--delta-posts", "-1").err()).contains("--delta-posts must be 0 to 200, was -1");
        assertThat(run("--delta-changes", "5").err()).contains("--delta-changes must be 10 to 1000000, was 5");
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

package org.ibex.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex bench hitnohit}: real probes cross from XXB to UTO and back, every answer is what UTO's national search
 * says, and the run looks for the probes at UTO afterwards, its scan proven on the requester's copies first.
 */
class HitNoHitBenchTest {
    private static final String FVC = java.nio.file.Path.of(System.getProperty("ibex.shared", "../shared"), "data",
            "fingerprints", "fvc2002").toString();

    @Test
    void probesToAPartnerAreAnsweredAsItsNationalSearchAnswersAndLeaveNoRowBehind() {
        Run run = run("--gallery", "200", "--probes", "10", "--warm-up", "2", "--data", FVC);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Map<String, String> summary = summary(run.out());

        assertThat(summary).as(run.out()).containsEntry("probes", "10").containsEntry("gallery", "200")
                .containsEntry("sent", "12").containsKeys("p50", "p99", "baseline-p50", "baseline-p99");
        assertThat(summary.get("p99")).matches("\\d+\\.\\dms");
        assertThat(summary.get("baseline-p99")).matches("\\d+\\.\\dms");
        assertThat(summary).as("every hit and no-hit as the responder's own national search found it")
                .containsEntry("wrong", "0");
        assertThat(run.out()).as("the mated half are other impressions of enrolled fingers, the rest held out")
                .contains("hit for 0 of 6 non-mated").containsPattern("hit for [1-6] of 6 mated probes");
        assertThat(run.out()).as("the scan finds the templates where they certainly are, at the requester")
                .contains("scan check: the requester's own store holds the templates of 12 of 12 probes sent");
        assertThat(summary).as("no probe envelope left unerased, no template in any row of the responder's schema")
                .containsEntry("unerased", "0").containsEntry("retained-rows", "0");
        assertThat(run.out()).contains("templates in tables: nowhere");
        // The whole count also takes every file of the responder's data folder, where H2 keeps what a row held
        // until it reuses the space: probes are sealed under a key dropped at erasure, so none is found there.
        assertThat(summary).as("no probe anywhere at the responder after its receipt: rows or files")
                .containsEntry("retained-files", "0").containsEntry("retained", "0");
    }

    @Test
    void optionsOutOfRangeAreRefusedWithTheOptionNamedBeforeAnythingStarts() {
        assertThat(run("--probes", "1").err()).contains("--probes must be 2 to 100000 (one mated, one non-mated at"
                + " least), was 1");
        assertThat(run("--gallery", "0").err()).contains("--gallery must be 1 to 10000000, was 0");
        assertThat(run("--warm-up", "-1").err()).contains("--warm-up must be 0 to 10000, was -1");
        assertThat(run("--data", "no-such-folder").err()).contains("--data must be a folder of FVC-style"
                + " DBn_B/FFF_I.tif images, was no-such-folder");
        assertThat(run("--gallery", "5", "--data", FVC).err()).contains("--gallery must hold the 20 real fingers"
                + " enrolled from " + FVC + ", was 5");
    }

    /** The last SUMMARY line's key=value pairs, in order. */
    private static Map<String, String> summary(String out) {
        String line = out.lines().filter(l -> l.startsWith("SUMMARY ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no SUMMARY line in:\n" + out));
        assertThat(out.strip()).as("SUMMARY is the last line").endsWith(line);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : line.substring("SUMMARY ".length()).split(" ")) {
            int equals = pair.indexOf('=');
            assertThat(equals).as("'%s' in %s", pair, line).isPositive();
            pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return pairs;
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
            int code = new CommandLine(new HitNoHitBench()).execute(args);
            return new Run(code, outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

package org.ibex.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange benchmark on a tiny run: the receiver node starts in its own process, signed messages and echoes go
 * through, and neither the process nor the temporary federation outlives the run. No timing is asserted.
 */
class ExchangeBenchTest {
    @Test
    void aTinyRunReportsSignedAgainstBaselineAndLeavesNothingBehind() {
        CliRun run = CliRun.of("bench", "exchange", "--messages", "300", "--clients", "2", "--round-trips", "100",
                "--warm-up", "20");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).as(run.output())
                .contains("baseline echo, 1 client", "signed + receipt, 1 client", "baseline echo, 2 clients",
                        "signed + receipt, 2 producers", "ratio signed/baseline, 1 client: p50 ")
                .containsPattern("SUMMARY p50=[0-9.]+ms p99=[0-9.]+ms .* messages/s=[0-9]+ ");
        Matcher receiver = Pattern.compile("receiver in process (\\d+)").matcher(run.out());
        assertThat(receiver.find()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(receiver.group(1))).map(ProcessHandle::isAlive).orElse(false))
                .as("the receiver node is stopped").isFalse();
        Matcher folder = Pattern.compile("data folders in (\\S+) \\(removed").matcher(run.out());
        assertThat(folder.find()).isTrue();
        assertThat(Files.exists(Path.of(folder.group(1)))).as("the temporary federation is removed").isFalse();
    }

    @Test
    void tooFewRoundTripsForAPercentileAreRefusedWithTheRule() {
        CliRun run = CliRun.of("bench", "exchange", "--round-trips", "10");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--round-trips must be 100 to 1000000 (a p99 needs 100), was 10");
    }

    @Test
    void aPayloadTooSmallForACrossingRecordIsRefusedWithTheSmallestSize() {
        CliRun run = CliRun.of("bench", "exchange", "--payload-bytes", "10");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).containsPattern("--payload-bytes must be \\d+ \\(a crossing record without padding\\)"
                + " to 65536, was 10");
    }
}

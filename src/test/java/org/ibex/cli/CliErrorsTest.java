package org.ibex.cli;

import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad options are an operator's typo, not a crash: ibex says in one line what was wrong and which option,
 * exits non-zero, and prints no stack trace.
 */
class CliErrorsTest {

    @Test
    void anUnknownSubcommandIsNamedAndExitsNonZero() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.err()).contains("frobnicate");
        assertNoStackTrace(run);
    }

    @Test
    void servingPlainHttpBeyondLoopbackIsRefusedBeforeAnythingIsOpened() throws IOException {
        Path data = TestDatabases.tempFolder();

        // The guard only matters if this returns: a server that started would wait here for a shutdown signal.
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.of("serve", "--host", "0.0.0.0", "--port", "0", "--data", data.toString()));

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("plain HTTP is allowed only on loopback")
                .as("the message says what to do instead").contains("--tls-keystore");
        assertNoStackTrace(run);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).as("the settings are refused before the store is opened, let alone a port bound")
                    .isEmpty();
        }
    }

    @Test
    void servingPlainHttpOnLoopbackNamedByAddressIsNotTheComplaint() {
        // The same refusal for a bad port shows the loopback check passed for 127.0.0.1.
        CliRun run = CliRun.of("serve", "--host", "127.0.0.1", "--port", "70000", "--data",
                TestDatabases.tempFolder().toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("port must be 0..65535 (got 70000)").doesNotContain("loopback");
        assertNoStackTrace(run);
    }

    @Test
    void anAsOfThatIsNotADateNamesTheOption() {
        CliRun run = CliRun.of("overstayers", "--as-of", "notadate", "--data", TestDatabases.tempFolder().toString());

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.err()).contains("--as-of").contains("'notadate' is not a date yyyy-MM-dd");
        assertThat(run.err()).as(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aListLimitOfZeroIsRefusedWithTheAllowedRange() {
        CliRun run = CliRun.of("crossing", "list", "--limit", "0", "--data", TestDatabases.tempFolder().toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("--limit must be 1..100000 (got 0)");
        assertNoStackTrace(run);
    }

    @Test
    void theListingsOfQuestionsRequestsProbesAndReleasesRefuseALimitOutsideOneTo500() {
        for (String[] listing : new String[][]{{"question", "list"}, {"request", "list"}, {"probe", "list"},
                {"release", "list"}, {"release-desk", "list"}}) {
            CliRun run = CliRun.of(listing[0], listing[1], "--limit", "501", "--data",
                    TestDatabases.tempFolder().toString());
            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.err()).as(run.output()).contains("--limit must be 1 to 500 (got 501)");
            assertNoStackTrace(run);
        }
    }

    @Test
    void importingAFileThatDoesNotExistSaysWhichFile() {
        Path data = TestDatabases.tempFolder();
        Path missing = data.resolve("no-such-file.csv");

        CliRun run = CliRun.of("import", "crossings", missing.toString(), "--data", data.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read " + missing);
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.printedStackTrace()).as("no stack trace or exception name for an operator to read; %s",
                run.output()).isFalse();
    }
}

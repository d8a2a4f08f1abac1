package org.ibex.cli;

import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange benchmark on a tiny run: the receiver node starts in its own process, signed messages and echoes go
 * through, and neither the process nor the temporary federation outlives the run. No timing is asserted.
 */
class ExchangeBenchTest {
    @Test
    void aTinyRunReportsSignedAgainstBaselineAndLeavesNothingBehind() throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "exchange", "--messages", "300", "--clients", "2",
                "--round-trips", "100", "--warm-up", "20"));
        if (TestDatabases.postgres()) {
            // The suite's PostgreSQL server: each node gets a schema of its own there, dropped at the end.
            args.addAll(List.of("--jdbc-url", System.getenv("IBEX_TEST_JDBC_URL"), "--jdbc-user",
                    System.getenv().getOrDefault("IBEX_TEST_JDBC_USER", ""), "--jdbc-password",
                    System.getenv().getOrDefault("IBEX_TEST_JDBC_PASSWORD", "")));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).as(run.output())
                .contains("baseline echo, 1 client", "signed + receipt, 1 client", "baseline echo, 2 clients",
                        "signed + receipt, 2 producers", "ratio signed/baseline, 1 client: p50 ")
                .containsPattern("SUMMARY p50=[0-9.]+ms p99=[0-9.]+ms .* messages/s=[0-9]+ ")
                .contains(TestDatabases.postgres() ? "db=PostgreSQL" : "db=H2");
        Matcher receiver = Pattern.compile("receiver in process (\\d+)").matcher(run.out());
        assertThat(receiver.find()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(receiver.group(1))).map(ProcessHandle::isAlive).orElse(false))
                .as("the receiver node is stopped").isFalse();
        Matcher folder = Pattern.compile("data folders in (\\S+) \\(removed").matcher(run.out());
        assertThat(folder.find()).isTrue();
        assertThat(Files.exists(Path.of(folder.group(1)))).as("the temporary federation is removed").isFalse();
        if (TestDatabases.postgres()) {
            assertThat(benchSchemas()).as("the nodes' schemas are dropped").isZero();
        }
    }

    @Test
    void aDatabaseOtherThanPostgresqlIsRefusedNamingTheOption() {
        CliRun run = CliRun.of("bench", "exchange", "--jdbc-url", "jdbc:h2:mem:bench");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--jdbc-url must be a PostgreSQL URL");
        assertThat(run.printedStackTrace()).isFalse();
    }

    private static long benchSchemas() throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getenv("IBEX_TEST_JDBC_URL"),
                System.getenv().getOrDefault("IBEX_TEST_JDBC_USER", ""),
                System.getenv().getOrDefault("IBEX_TEST_JDBC_PASSWORD", ""));
             ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM"
                     + " information_schema.schemata WHERE schema_name LIKE 'bench\\_%'")) {
            row.next();
            return row.getLong(1);
        }
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

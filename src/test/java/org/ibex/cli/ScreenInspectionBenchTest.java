package org.ibex.cli;

import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection screen's benchmark on a tiny run: both sides go through the real server, every crossing of the screen's
 * assess + record loop and of the API is stored, and the SUMMARY line carries the figures and ratios. No timing is
 * asserted.
 */
class ScreenInspectionBenchTest {
    @Test
    void aTinyRunMeasuresScreenAgainstApiAndRecordsEveryCrossing() {
        List<String> args = new ArrayList<>(List.of("bench", "screens", "--crossings", "20", "--clients", "2"));
        if (TestDatabases.postgres()) {
            args.addAll(List.of("--jdbc-url", System.getenv("IBEX_TEST_JDBC_URL"), "--jdbc-user",
                    System.getenv().getOrDefault("IBEX_TEST_JDBC_USER", ""), "--jdbc-password",
                    System.getenv().getOrDefault("IBEX_TEST_JDBC_PASSWORD", "")));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).as(run.output())
                .contains("API  POST /api/crossings", "screen  assess + record", "ratio screen/API")
                .containsPattern("SUMMARY db=(h2|postgresql) crossings=20 clients=2 api_p50_ms=[0-9.]+ .*"
                        + "screen_p50_ms=[0-9.]+ .*ratio_p50=[0-9.]+ ratio_p95=[0-9.]+ ratio_p99=[0-9.]+ .*"
                        + "ratio_assess_p50=[0-9.]+ ratio_record_p50=[0-9.]+ ");
        Matcher recorded = Pattern.compile("recorded_api=(\\d+) recorded_screen=(\\d+)").matcher(run.out());
        assertThat(recorded.find()).as(run.output()).isTrue();
        // 20 measured and 20 warm-up crossings on each side, each stored once.
        assertThat(Integer.parseInt(recorded.group(1))).isEqualTo(40);
        assertThat(Integer.parseInt(recorded.group(2))).isEqualTo(40);
    }

    @Test
    void tooFewCrossingsAreRefusedWithTheRule() {
        CliRun run = CliRun.of("bench", "screens", "--crossings", "1");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--crossings must be at least 2");
    }
}

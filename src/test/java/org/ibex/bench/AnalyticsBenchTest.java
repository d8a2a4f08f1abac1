package org.ibex.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics benchmark at a tiny size: roll-ups answer every dashboard question as the raw GROUP BY does. */
class AnalyticsBenchTest {
    @Test
    void everyQuestionFromTheRollupsMatchesTheRawGroupByAndTheLastLineSumsUp() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnalyticsBench bench = new AnalyticsBench(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of("--crossings", "1500,4000", "--repeats", "3", "--raw-repeats", "1"));
        String url = System.getenv("IBEX_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            args.addAll(List.of("--jdbc-url", url, "--jdbc-user", System.getenv().getOrDefault("IBEX_TEST_JDBC_USER", "")));
        }
        int exit = new CommandLine(bench).execute(args.toArray(String[]::new));
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(exit).isZero();
        String[] lines = output.strip().split("\n");
        assertThat(lines[lines.length - 1]).matches(
                "SUMMARY crossings=4000 p99=[0-9.]+ms raw-p99=[0-9.]+ms ingest=[0-9]+/s mismatches=0");
        assertThat(output).contains("1,500 crossings").contains("net flow by week").doesNotContain(" NO");
    }
}

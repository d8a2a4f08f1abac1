package org.ibex.cli;

import org.ibex.demo.FederationLayout;
import org.ibex.demo.FederationSummary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The federation demo's closing summary offers curls only for nodes that keep running: after
 * {@code --exit-after-demo} it has just stopped them, so it points at their data folders instead.
 */
class FederationSummaryTest {
    @TempDir
    Path dir;

    @Test
    void nodesThatKeepRunningGetACurlEach() {
        String printed = print(true);

        assertThat(printed.lines().filter(l -> l.contains("/api/exchange/status")).count())
                .as("one status curl per node").isEqualTo(6);
        assertThat(printed).contains("Send a ping from UTO/IMM/HQ to XXB/IMM/HQ yourself")
                .doesNotContain("--exit-after-demo");
    }

    @Test
    void afterExitAfterDemoNoCurlPointsAtAStoppedNode() {
        String printed = print(false);

        assertThat(printed).as("nothing listens at these URLs any more").doesNotContain("curl");
        assertThat(printed).as("each node is still named with its log")
                .contains("UTO/IMM/POST-LAND (").contains("node.log")
                .contains("The nodes stop now (--exit-after-demo)")
                .contains("pol.investigator (UTO/POL/HQ), lab.inspector (UTO/LAB/HQ) and hq.supervisor (UTO/IMM/HQ")
                .contains("signed files in " + dir.resolve("federation").toAbsolutePath().normalize()
                        .resolve("agreements"))
                .contains("ibex exchange status --data " + dir.resolve("federation").toAbsolutePath().normalize()
                        .resolve("uto-hq"));
    }

    private String print(boolean keepRunning) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FederationLayout layout = FederationLayout.resolve(dir.resolve("federation"), null, null);
        new FederationSummary(layout, new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(keepRunning);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

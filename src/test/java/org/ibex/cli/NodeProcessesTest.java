package org.ibex.cli;

import org.ibex.node.ChildNode;
import org.ibex.node.NodeProcesses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Child nodes: a failed start names the node and its log, and closing stops what is still running. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeProcessesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aChildThatExitsBeforeItIsReadyIsReportedWithItsExitCodeAndLog() throws Exception {
        Path log = dir.resolve("bad.log");
        try (NodeProcesses processes = new NodeProcesses(out);
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ChildNode child = processes.start("UTO/IMM/BAD", log, Map.of(), List.of("serve", "--data",
                    dir.resolve("data").toString(), "--port", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> child.awaitLine(line -> line.contains("listening"), "its exchange listening",
                    Duration.ofSeconds(45)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("UTO/IMM/BAD stopped with exit code 2 before its exchange listening")
                    .hasMessageContaining("its log " + log + " ends with:")
                    .hasMessageContaining("ibex: ");
        }
    }

    @Test
    void aChildThatDoesNotReportInTimeIsNamedAndStoppedWhenClosed() throws Exception {
        Path log = dir.resolve("slow.log");
        ChildNode child;
        try (NodeProcesses processes = new NodeProcesses(out)) {
            child = processes.start("UTO/IMM/SLOW", log, Map.of(), List.of("serve", "--data",
                    dir.resolve("data").toString(), "--port", "0"));

            assertThatThrownBy(() -> child.awaitLine(line -> false, "its exchange listening", Duration.ofSeconds(1)))
                    .hasMessage("UTO/IMM/SLOW did not report its exchange listening within 1 s; see its log " + log);
        }

        assertThat(child.process().isAlive()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("stopped 1 node")
                .doesNotContain("ended unexpectedly");
    }
}

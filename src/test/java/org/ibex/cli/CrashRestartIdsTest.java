package org.ibex.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node recording crossings on four threads is killed with SIGKILL at a random point, several times. Right after
 * each restart, as after a power cut, the next crossing and the next access-log entry are stored without error:
 * no id is handed out twice (on H2 the identity counter could come back below committed rows). The restarted
 * node records them itself ({@link CrossingLoop}) before it goes on under load and is killed again.
 */
class CrashRestartIdsTest {
    private static final int KILLS = 4;
    private static final int THREADS = 4;

    @Test
    void afterEachSigkillTheNextCrossingAndAccessEntryAreStoredWithoutADuplicateId() throws Exception {
        Path data = TestDataFolder.create().path();
        Random random = new Random();
        for (int start = 0; start <= KILLS; start++) {
            Run run = runAndKill(data, start * 100_000, 30 + random.nextInt(60), random);
            assertThat(run.restarted())
                    .as("start %d (after %d kills): the first crossing and access entry are stored; output: %s",
                            start, start, run.output())
                    .isTrue();
            assertThat(run.recorded()).as("then it records under load until killed; output: %s", run.output())
                    .isPositive();
        }
    }

    /** Starts the child, waits until it has committed {@code atLeast} crossings, then kills it a moment later. */
    private static Run runAndKill(Path data, int first, int atLeast, Random random) throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                CrossingLoop.class.getName(), data.toString(), Integer.toString(first), "50000",
                Integer.toString(THREADS))
                .redirectErrorStream(true).start();
        boolean restarted = false;
        int recorded = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("restarted")) {
                    restarted = true;
                } else if (line.startsWith("recorded ")) {
                    if (++recorded >= atLeast) {
                        // A random pause puts the kill anywhere among the writers' commits.
                        Thread.sleep(random.nextInt(30));
                        child.destroyForcibly();
                        break;
                    }
                } else if (output.size() < 100) {
                    output.add(line);
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        return new Run(restarted, recorded, output);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Run(boolean restarted, int recorded, List<String> output) {
    }
}

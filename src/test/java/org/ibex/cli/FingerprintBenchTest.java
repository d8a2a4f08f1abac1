package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintBenchTest {
    private static final Path DB1 = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints",
            "fvc2002", "DB1_B");

    @Test
    void aTinyFvcFolderGivesTheTablesAndEndsWithTheSingleFingerFnmr(@TempDir Path data) throws IOException {
        Path db = Files.createDirectories(data.resolve("DB1_B"));
        for (int finger : new int[] {101, 102}) {
            for (int impression = 1; impression <= 8; impression++) {
                String name = finger + "_" + impression + ".tif";
                Files.copy(DB1.resolve(name), db.resolve(name));
            }
        }

        CliRun run = CliRun.of("bench", "fingerprints", "--data", data.toString(), "--threads", "1");

        assertThat(run.exit()).as(run.output()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(run.out()).contains("DB1_B      2 fingers x 8 impressions, 388x374 px, 500 dpi (assumed")
                .contains("matching: 120 comparisons")
                .containsPattern("DB1_B\\s+56\\s+64\\s")
                .contains("two-finger fusion: skipped");
        assertThat(lines.get(lines.size() - 1)).matches("FNMR@1e-4=\\d\\.\\d{4}");
        assertThat(run.err()).as("no progress bar when standard error is not a terminal").isEmpty();
    }

    @Test
    void aFolderWithoutFvcDatabasesIsExplained(@TempDir Path data) {
        CliRun run = CliRun.of("bench", "fingerprints", "--data", data.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no FVC databases under").contains("DB1_B");
        assertThat(run.printedStackTrace()).isFalse();
    }
}

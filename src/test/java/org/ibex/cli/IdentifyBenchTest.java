package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The 1:N benchmark on a tiny copy of FVC2002 DB1: it runs, reports both searches and refuses a gallery too small. */
class IdentifyBenchTest {
    @Test
    void benchWithATinyGalleryRunsAndPrintsItsSummary(@TempDir Path data) throws IOException {
        Path fvc = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints", "fvc2002", "DB1_B");
        Path db = Files.createDirectories(data.resolve("DB1_B"));
        for (int finger = 101; finger <= 103; finger++) {
            for (int impression = 1; impression <= 2; impression++) {
                String name = finger + "_" + impression + ".tif";
                Files.copy(fvc.resolve(name), db.resolve(name));
            }
        }

        CliRun run = CliRun.of("bench", "identify", "--data", data.toString(), "--gallery", "40", "--brute-probes", "-1",
                "--short-list", "10");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).as(run.output())
                .contains("resolutions (FVC2002 images carry none; the documented values): {DB1_B=500 dpi}")
                .contains("gallery: 3 real fingers (impression 1) + 37 synthetic")
                .contains("brute-force SourceAFIS")
                .contains("SUMMARY gallery=40 ")
                .contains("README | 40 |");
    }

    @Test
    void aGallerySmallerThanTheRealFingersIsRefusedWithTheReason(@TempDir Path data) throws IOException {
        Path fvc = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints", "fvc2002", "DB1_B");
        Path db = Files.createDirectories(data.resolve("DB1_B"));
        for (int finger = 101; finger <= 102; finger++) {
            Files.copy(fvc.resolve(finger + "_1.tif"), db.resolve(finger + "_1.tif"));
            Files.copy(fvc.resolve(finger + "_2.tif"), db.resolve(finger + "_2.tif"));
        }

        CliRun run = CliRun.of("bench", "identify", "--data", data.toString(), "--gallery", "1");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--gallery 1 must hold the 2 real fingers");
    }
}

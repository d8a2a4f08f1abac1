package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex bench fingerprints} takes each database's resolution from its images' header; without one it needs
 * {@code --dpi}, unless the database is FVC2002's, whose published resolutions it knows. It says which it used.
 */
class FingerprintBenchResolutionTest {
    private static final Path FVC2002 = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints",
            "fvc2002");

    @TempDir
    Path data;

    @Test
    void aFolderThatIsNotFvc2002AndCarriesNoResolutionIsRefusedAskingForDpi() throws IOException {
        copy("DB1_B", Files.createDirectories(data.resolve("DB5_B")));

        CliRun run = CliRun.of("bench", "fingerprints", "--data", data.toString(), "--threads", "1");

        assertThat(run.exit()).as("a guessed resolution would skew every score: %s", run.output()).isNotZero();
        assertThat(run.err()).contains("DB5_B's images").contains("carry no resolution")
                .contains("--dpi DB5_B=");
        assertThat(run.out()).as("refused before any work").doesNotContain("extraction");
        assertThat(run.printedStackTrace()).as(run.output()).isFalse();
    }

    @Test
    void dpiGivenForSuchAFolderIsUsedAndSaidSo() throws IOException {
        copy("DB1_B", Files.createDirectories(data.resolve("DB5_B")));

        CliRun run = CliRun.of("bench", "fingerprints", "--data", data.toString(), "--threads", "1", "--dpi",
                "DB5_B=510");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("DB5_B").contains("510 dpi (given with --dpi");
    }

    @Test
    void aResolutionInTheImageHeaderIsUsedWithoutDpi() throws IOException {
        Path db = Files.createDirectories(data.resolve("DB7_B"));
        for (int finger : new int[] {101, 102}) {
            for (int impression = 1; impression <= 4; impression++) {
                writePng(ImageIO.read(FVC2002.resolve("DB1_B").resolve(finger + "_" + impression + ".tif").toFile()),
                        600, db.resolve(finger + "_" + impression + ".png"));
            }
        }

        CliRun run = CliRun.of("bench", "fingerprints", "--data", data.toString(), "--threads", "1");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("600 dpi (from the image header)");
    }

    @Test
    void anFvc2002DatabaseIsRecognisedByNameAndImageSizeAndSaysTheResolutionIsAssumed() throws IOException {
        copy("DB2_B", Files.createDirectories(data.resolve("DB2_B")));

        CliRun run = CliRun.of("bench", "fingerprints", "--data", data.toString(), "--threads", "1");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("296x560 px, 569 dpi (assumed: FVC2002 DB2's published resolution");
    }

    private static void copy(String database, Path to) throws IOException {
        for (int finger : new int[] {101, 102}) {
            for (int impression = 1; impression <= 4; impression++) {
                String name = finger + "_" + impression + ".tif";
                Files.copy(FVC2002.resolve(database).resolve(name), to.resolve(name));
            }
        }
    }

    /** A PNG whose pHYs chunk says {@code dpi}, as a scanner that records its resolution writes it. */
    private static void writePng(BufferedImage image, int dpi, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        // The PNG's own tree: its pHYs chunk counts pixels per metre.
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        physical.setAttribute("pixelsPerUnitXAxis", perMetre);
        physical.setAttribute("pixelsPerUnitYAxis", perMetre);
        physical.setAttribute("unitSpecifier", "meter");
        root.appendChild(physical);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }
}

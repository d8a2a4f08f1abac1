package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex nist dump} and {@code ibex nist images} as an operator runs them: exit 0 ok, 1 rejected file, 2 usage. */
class NistCommandTest {
    private static final Path SAMPLES = Path.of(System.getProperty("ibex.shared", "../shared"), "data/ansi-nist");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void dumpJsonListsEveryRecordWithNamedFieldsAndImageSummaries() throws Exception {
        CliRun run = CliRun.of("nist", "dump", SAMPLES.resolve("type-14-tpcard-nqm.an2").toString(), "--json");

        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode root = MAPPER.readTree(run.out());
        assertThat(root.get("version").asText()).isEqualTo("0400");
        JsonNode records = root.get("records");
        assertThat(records).hasSize(16);
        JsonNode thumb = records.get(2);
        assertThat(thumb.get("index").asInt()).isEqualTo(3);
        assertThat(thumb.get("type").asInt()).isEqualTo(14);
        assertThat(thumb.get("idc").asInt()).isEqualTo(1);
        assertThat(thumb.get("fields").get(0).get("tag").asText()).isEqualTo("14.001");
        assertThat(thumb.get("fields").get(0).get("name").asText()).isEqualTo("LEN");
        JsonNode data = thumb.get("fields").get(thumb.get("fields").size() - 1);
        assertThat(data.get("name").asText()).isEqualTo("DATA");
        assertThat(data.get("bytes").asInt()).as("image bytes are counted, not printed").isEqualTo(42297);
        assertThat(data.has("value")).isFalse();
        JsonNode image = thumb.get("image");
        assertThat(image.get("format").asText()).isEqualTo("WSQ");
        assertThat(image.get("width").asInt()).isEqualTo(804);
        assertThat(image.get("height").asInt()).isEqualTo(752);
        assertThat(image.get("ppi").asInt()).isEqualTo(500);
        assertThat(image.get("positions").get(0).asInt()).isEqualTo(1);
        assertThat(image.get("fingers").get(0).asText()).isEqualTo("RIGHT_THUMB");
        assertThat(image.get("impressionType").asText()).isEqualTo("NONLIVE_SCAN_ROLLED");
        assertThat(image.get("quality").get(0).get("metric").asText()).isEqualTo("NQM");
        assertThat(records.get(0).get("image").isNull()).as("Type 1 has no image").isTrue();
        assertThat(records.get(0).get("fields").get(2).get("subfields").get(1).get(0).asText()).isEqualTo("2");
    }

    @Test
    void dumpWithoutJsonIsAReadableListing() {
        CliRun run = CliRun.of("nist", "dump", SAMPLES.resolve("type-4-slaps.an2").toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("record 3  type 4  idc 1")
                .contains("image WSQ 1608x1000, 500 ppi, positions 14 PLAIN_LEFT_FOUR_FINGERS, impression NONLIVE_SCAN_PLAIN")
                .contains("1.003 CNT").contains("1~5^2~00^4~01").contains("4.999 DATA").contains("bytes>");
    }

    @Test
    void imagesWritesOnePngPerImageRecordNamedByIndexTypeAndPosition(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("images");

        CliRun run = CliRun.of("nist", "images", SAMPLES.resolve("type-4-slaps.an2").toString(), out.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("3-type4-fgp14.png", "4-type4-fgp12.png", "5-type4-fgp11.png", "6-type4-fgp13.png");
        }
        BufferedImage slap = ImageIO.read(out.resolve("3-type4-fgp14.png").toFile());
        assertThat(slap.getWidth()).isEqualTo(1608);
        assertThat(slap.getHeight()).isEqualTo(1000);
        assertThat(run.out()).contains("3-type4-fgp14.png (1608x1000)").contains("4 image(s) written");
    }

    @Test
    void imagesOfRecordsWithoutPositionsAreNamedByIndexAndType(@TempDir Path dir) {
        CliRun run = CliRun.of("nist", "images", SAMPLES.resolve("type-17-iris.an2").toString(), dir.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(dir.resolve("3-type17.png")).exists();
    }

    @Test
    void aBrokenFileExitsOneWithOneLineNamingRecordAndField(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("type-14-amp-nqm-utf8.an2"));
        Path broken = dir.resolve("broken.an2");
        Files.write(broken, Arrays.copyOf(whole, 2000));

        CliRun dump = CliRun.of("nist", "dump", broken.toString(), "--json");
        CliRun images = CliRun.of("nist", "images", broken.toString(), dir.resolve("out").toString());

        for (CliRun run : new CliRun[] {dump, images}) {
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip()).as("one line").doesNotContain("\n")
                    .contains("record 3 (type 14), field 14.001 LEN: declares 50430 bytes but only 1732 remain");
            assertThat(run.printedStackTrace()).isFalse();
        }
    }

    @Test
    void missingArgumentsOrFilesAreUsageErrors(@TempDir Path dir) {
        CliRun noFile = CliRun.of("nist", "dump");
        CliRun absent = CliRun.of("nist", "dump", dir.resolve("absent.an2").toString());

        assertThat(noFile.exit()).as(noFile.output()).isEqualTo(2);
        assertThat(absent.exit()).as(absent.output()).isEqualTo(2);
        assertThat(absent.err()).contains("cannot read");
    }
}

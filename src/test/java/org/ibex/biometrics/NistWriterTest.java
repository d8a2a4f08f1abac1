package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing Type 1/2/14 transactions for partners: the reader gets back what was written. */
class NistWriterTest {

    static NistRecord type1() {
        return NistRecord.of(1, 0, List.of(
                NistField.of(1, 2, "0500"),
                NistField.of(1, 4, "CAR"),
                NistField.of(1, 5, "20260601"),
                NistField.of(1, 7, "UTO000001"),
                NistField.of(1, 8, "UTOIBEX01"),
                NistField.of(1, 9, "IBEX-20260601-0001"),
                NistField.of(1, 11, "00.00"),
                NistField.of(1, 12, "00.00")));
    }

    @Test
    void aWrittenTransactionReadsBackWithTheSameFieldsAndImage() {
        BufferedImage finger = noise(300, 400, 11);
        NistRecord type2 = NistRecord.of(2, 0, List.of(NistField.of(2, 3, "traveller\u001Eref\u001F42")));
        NistRecord type14 = NistWriter.fingerprint(1, finger, 500, FingerPosition.RIGHT_INDEX,
                ImpressionType.LIVE_SCAN_PLAIN, "UTOIBEX01", LocalDate.of(2026, 6, 1));

        byte[] bytes = new NistWriter().write(List.of(type1(), type2, type14));
        NistTransaction read = new NistReader().read(bytes);

        assertThat(read.records()).extracting(NistRecord::type).containsExactly(1, 2, 14);
        assertThat(read.records().get(0).text(3)).as("CNT computed by the writer")
                .contains("1\u001F2\u001E2\u001F00\u001E14\u001F01");
        assertThat(read.records().get(0).fields()).as("every Type 1 field given comes back")
                .containsAll(type1().fields());
        assertThat(read.records().get(1).field(3).orElseThrow().subfields())
                .containsExactly(List.of("traveller"), List.of("ref", "42"));
        assertThat(read.records().get(2).fields()).as("every Type 14 field given comes back, image bytes included")
                .containsAll(type14.fields());
        NistImage image = read.records().get(2).image().orElseThrow();
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.width()).isEqualTo(300);
        assertThat(image.height()).isEqualTo(400);
        assertThat(image.ppi()).isEqualTo(500);
        assertThat(image.fingers()).containsExactly(FingerPosition.RIGHT_INDEX);
        assertThat(image.impressionType()).contains(ImpressionType.LIVE_SCAN_PLAIN);
        BufferedImage back = NistImageDecoder.decode(read.records().get(2));
        for (int y = 0; y < 400; y += 7) {
            for (int x = 0; x < 300; x += 3) {
                assertThat(back.getRaster().getSample(x, y, 0)).as("PNG is lossless at (%d, %d)", x, y)
                        .isEqualTo(finger.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void lenCountsItsOwnDigitsAcrossEveryDigitBoundary() {
        for (int size = 70; size < 1030; size++) {
            NistRecord type2 = NistRecord.of(2, 0, List.of(NistField.of(2, 3, "x".repeat(size))));
            byte[] bytes = new NistWriter().write(List.of(type1(), type2));

            NistTransaction read = new NistReader().read(bytes);
            String len = read.records().get(1).text(1).orElseThrow();
            assertThat(Integer.parseInt(len)).as("LEN of a record with a %d-character field", size)
                    .isEqualTo(bytes.length - Integer.parseInt(read.records().get(0).text(1).orElseThrow()));
        }
    }

    @Test
    void rewritingARealTaggedTransactionReproducesItsBytes() {
        for (String name : List.of("type-14-tpcard-nqm.an2", "type-14-amp-nqm-utf8.an2", "type-17-iris.an2")) {
            byte[] original = SampleFiles.bytes(name);

            byte[] rewritten = new NistWriter().write(new NistReader().read(original));

            assertThat(rewritten).as("%s: same fields in the same order give the same LEN, CNT and bytes", name)
                    .isEqualTo(original);
        }
    }

    @Test
    void separatorsInsideAValueAreRefused() {
        NistRecord type2 = NistRecord.of(2, 0, List.of(NistField.of(2, 3, "a\u001Db")));

        assertThatThrownBy(() -> new NistWriter().write(List.of(type1(), type2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2.003");
    }

    @Test
    void binaryRecordsAreNotWritten() {
        NistRecord type4 = NistRecord.of(4, 1, List.of());

        assertThatThrownBy(() -> new NistWriter().write(List.of(type1(), type4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type 4");
    }

    @Test
    void theWritersBookkeepingReplacesTheCallers() {
        NistRecord type2 = NistRecord.of(2, 7, List.of(NistField.of(2, 1, "999"), NistField.of(2, 2, "55"),
                NistField.of(2, 3, "text")));

        String written = new String(new NistWriter().write(List.of(type1(), type2)), StandardCharsets.UTF_8);

        assertThat(written).contains("2.002:07").doesNotContain("2.001:999").doesNotContain("2.002:55");
    }

    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x * y + random.nextInt(40)) & 0xFF);
            }
        }
        return image;
    }
}

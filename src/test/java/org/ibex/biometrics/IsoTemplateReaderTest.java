package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** ISO/IEC 19794-2:2005 minutiae records: the 320 FVC2002 templates, and broken ones rejected by field. */
class IsoTemplateReaderTest {
    private static final Path DB1_101_1 = SampleFiles.SHARED.resolve("data/fingerprints/fvc2002/DB1_B/101_1.iso");

    @Test
    void allThreeHundredTwentyFvcTemplatesParse() {
        List<Path> files = SampleFiles.isoTemplates();
        assertThat(files).hasSize(320);
        Map<String, Integer> declared = new TreeMap<>();
        for (Path file : files) {
            IsoTemplate template = new IsoTemplateReader().read(SampleFiles.bytes(file));
            assertThat(template.views()).as("%s", file).hasSize(1);
            assertThat(template.views().get(0).minutiae()).as("%s", file).isNotEmpty();
            declared.merge(template.width() + "x" + template.height() + " at " + template.resolutionX() + "x"
                    + template.resolutionY() + " ppcm", 1, Integer::sum);
        }
        // The extractor wrote one header for every database, whatever the real image: DB1 is 388x374 and DB2
        // 296x560 at 569 dpi, yet all declare 300x400 at 197 ppcm (500 ppi). Trust the images, not these headers.
        assertThat(declared).containsExactly(Map.entry("300x400 at 197x197 ppcm", 320));
    }

    @Test
    void readsHeaderViewAndMinutiaeOfAKnownTemplate() {
        IsoTemplate template = new IsoTemplateReader().read(SampleFiles.bytes(DB1_101_1));

        assertThat(template.ppiX()).isEqualTo(500);
        IsoFingerView view = template.views().get(0);
        assertThat(view.finger()).contains(FingerPosition.UNKNOWN);
        assertThat(view.impressionType()).contains(ImpressionType.LIVE_SCAN_PLAIN);
        assertThat(view.minutiae()).hasSize(25);
        IsoMinutia first = view.minutiae().get(0);
        assertThat(first).isEqualTo(new IsoMinutia(IsoMinutia.Kind.BIFURCATION, 165, 48, 107, 0));
        assertThat(first.angleDegrees()).isEqualTo(150.46875);
        assertThat(view.extendedData()).isEmpty();
        assertThat(view.toString()).as("minutiae are counted, not printed").contains("25 minutiae").doesNotContain("165");
    }

    @Test
    void emptyAndShortInputIsRejectedByTheHeader() {
        assertThatThrownBy(() -> new IsoTemplateReader().read(new byte[0])).isInstanceOf(IsoFormatException.class)
                .hasMessage("field header: needs 24 bytes but the input has 0");
    }

    @Test
    void aWrongFormatIdentifierIsNamed() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[0] = 'X';

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes))
                .hasMessage("field format identifier: expected 'FMR\\0' but found 'XMR\\x00'");
    }

    @Test
    void theTwoThousandElevenVersionIsRefusedWithTheReason() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[5] = '3';

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes)).hasMessageStartingWith("field version: ' 30\\x00'");
    }

    @Test
    void aRecordLengthThatDisagreesWithTheInputIsRejected() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[8] = 0x7F;

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes)).isInstanceOf(IsoFormatException.class)
                .hasMessage("field record length: declares 2130706612 bytes but the input has 180");
    }

    @Test
    void aMinutiaeCountBeyondTheDataIsRejectedBeforeReadingThem() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[27] = (byte) 200;

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes))
                .hasMessage("field finger view 1 minutiae (200 declared): needs 1200 bytes at offset 28 but only 152 remain");
    }

    @Test
    void anExtendedDataLengthBeyondTheDataIsRejected() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[bytes.length - 2] = (byte) 0xFF;

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes))
                .hasMessageStartingWith("field finger view 1 extended data block (65280 bytes declared)");
    }

    @Test
    void moreViewsThanTheDataHoldsAreRejected() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[22] = 3;

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes))
                .hasMessage("field finger view 2 header: needs 4 bytes at offset 180 but only 0 remain");
    }

    @Test
    void aMinutiaOutsideTheImageIsRejected() {
        byte[] bytes = SampleFiles.bytes(DB1_101_1);
        bytes[28] = (byte) 0xBF; // first minutia x = 0x3FA5

        assertThatThrownBy(() -> new IsoTemplateReader().read(bytes))
                .hasMessage("field finger view 1 minutia 1: (16293, 48) lies outside the 300x400 image");
    }

    @Test
    void everyTruncationAndRandomInputIsRejectedWithAFieldName() {
        byte[] whole = SampleFiles.bytes(DB1_101_1);
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] prefix = Arrays.copyOf(whole, cut);
            assertThat(catchThrowable(() -> new IsoTemplateReader().read(prefix))).as("cut at %d", cut)
                    .isInstanceOf(IsoFormatException.class).hasMessageStartingWith("field ");
        }
        Random random = new Random(19794);
        for (int size : new int[] {3, 24, 180, 5000}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertThat(catchThrowable(() -> new IsoTemplateReader().read(bytes))).isInstanceOf(IsoFormatException.class);
        }
    }

    @Test
    void randomlyDamagedTemplatesParseOrFailWithIsoFormatExceptionOnly() {
        byte[] whole = SampleFiles.bytes(DB1_101_1);
        Random random = new Random(2005);
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = whole.clone();
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            Throwable thrown = catchThrowable(() -> new IsoTemplateReader().read(damaged));
            assertThat(thrown).as("round %d", round).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(IsoFormatException.class));
        }
    }
}

package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Decoding record images to pixels, and refusing image data that would make a decoder misbehave. */
class NistImageDecoderTest {

    @Test
    void standaloneWsqDecodesToTheReferencePixels() throws IOException {
        BufferedImage decoded = NistImageDecoder.decodeWsq(SampleFiles.bytes("sample.wsq"));
        BufferedImage reference = ImageIO.read(SampleFiles.ANSI_NIST.resolve("sample-wsq-decoded.png").toFile());

        assertThat(decoded.getWidth()).isEqualTo(reference.getWidth()).isEqualTo(545);
        assertThat(decoded.getHeight()).isEqualTo(reference.getHeight()).isEqualTo(622);
        // Compare samples, not getRGB: a gray image's getRGB applies a colour-space conversion.
        assertThat(maxDifference(decoded.getRaster(), reference.getRaster()))
                .as("JNBIS gives the reference decoder's gray levels exactly").isZero();
    }

    @Test
    void everyDecodableImageOfTheSamplesDecodesToItsDeclaredSize() {
        int decoded = 0;
        for (Path file : SampleFiles.transactions()) {
            for (NistRecord record : new NistReader().read(SampleFiles.bytes(file)).imageRecords()) {
                BufferedImage image = NistImageDecoder.decode(record);
                NistImage declared = record.image().orElseThrow();
                assertThat(image.getWidth()).as("%s record %d", file.getFileName(), record.index()).isEqualTo(declared.width());
                if (record.type() != 16) {
                    assertThat(image.getHeight()).as("%s record %d", file.getFileName(), record.index())
                            .isEqualTo(declared.height());
                }
                decoded++;
            }
        }
        assertThat(decoded).as("slaps, rolls, face, iris, test image, raw image").isEqualTo(25);
    }

    @Test
    void theTestingImageSampleDeclaresAHeightItsJpegDoesNotHave() {
        NistRecord record = SampleFiles.read("rec01_rec02_rec16.nst.an2").records().get(2);

        assertThat(record.image().orElseThrow().height()).as("16.007 VLL as written").isEqualTo(24);
        assertThat(NistImageDecoder.decode(record).getHeight()).as("what the JPEG holds").isEqualTo(208);
    }

    @Test
    void uncompressedGrayImagesDecodeFromTheirBytes() {
        NistRecord record = SampleFiles.read("type-9-14-std.an2").records().get(3);

        BufferedImage image = NistImageDecoder.decode(record);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = record.image().orElseThrow().data();
        assertThat(image.getRaster().getSample(17, 5, 0)).isEqualTo(data[5 * 800 + 17] & 0xFF);
    }

    @Test
    void damagedWsqDataFailsWithANamedErrorAndNeverHangs() {
        byte[] original = SampleFiles.bytes("sample.wsq");
        Random random = new Random(20260601L);
        List<String> rules = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 60; round++) {
                byte[] damaged = original.clone();
                int flips = 1 + random.nextInt(40);
                for (int i = 0; i < flips; i++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                Throwable thrown = catchThrowable(() -> NistImageDecoder.decodeWsq(damaged));
                if (thrown != null) {
                    assertThat(thrown).as("round %d", round).isInstanceOf(NistFormatException.class);
                    rules.add(((NistFormatException) thrown).rule());
                }
            }
        });
        assertThat(rules).as("WSQ has no checksum, so some damage decodes; some must be caught").isNotEmpty();
    }

    @Test
    void garbageAfterAWsqMarkerIsWrappedNotThrownRaw() {
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xA0;

        assertThatThrownBy(() -> NistImageDecoder.decodeWsq(garbage)).isInstanceOf(NistFormatException.class)
                .hasMessageStartingWith("field WSQ: ");
    }

    @Test
    void aForgedWsqFrameSizeIsRefusedBeforeDecoding() {
        byte[] wsq = SampleFiles.bytes("sample.wsq");
        int sof = indexOf(wsq, (byte) 0xFF, (byte) 0xA2);
        wsq[sof + 6] = (byte) 0xEA; // height 60000
        wsq[sof + 7] = (byte) 0x60;
        wsq[sof + 8] = (byte) 0xEA; // width 60000
        wsq[sof + 9] = (byte) 0x60;

        assertThatThrownBy(() -> NistImageDecoder.decodeWsq(wsq)).isInstanceOf(NistFormatException.class)
                .hasMessageContaining("60000x60000").extracting("rule").isEqualTo("limit");
    }

    @Test
    void jpeg2000ImagesDecodeToTheirPixels() throws IOException {
        BufferedImage print = ImageIO.read(SampleFiles.ANSI_NIST.resolve("sample-wsq-decoded.png").toFile());
        java.io.ByteArrayOutputStream jp2 = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(jp2)) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam lossless = writer.getDefaultWriteParam();
            writer.write(null, new javax.imageio.IIOImage(print, null, null), lossless);
        } finally {
            writer.dispose();
        }
        NistRecord record = recordWith("JP2L", jp2.toByteArray(), print.getWidth(), print.getHeight());

        BufferedImage decoded = NistImageDecoder.decode(record);

        assertThat(record.image().orElseThrow().format()).isEqualTo(ImageFormat.JP2_LOSSLESS);
        assertThat(decoded.getWidth()).isEqualTo(print.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(print.getHeight());
        assertThat(maxDifference(print.getRaster(), decoded.getRaster())).as("lossless JPEG 2000 keeps every gray level")
                .isZero();
    }

    @Test
    void jpeg2000GarbageFailsAsANamedDecodeError() {
        NistRecord record = recordWith("JP2", new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' '}, 640, 480);

        assertThat(record.image().orElseThrow().width()).isEqualTo(640);
        assertThatThrownBy(() -> NistImageDecoder.decode(record)).isInstanceOf(NistFormatException.class)
                .hasMessageContaining("record 2 (type 14), field 14.999 DATA");
    }

    @Test
    void uncompressedDataOfTheWrongLengthIsRejected() {
        NistRecord record = recordWith("NONE", new byte[100], 20, 20);

        assertThatThrownBy(() -> NistImageDecoder.decode(record)).isInstanceOf(NistFormatException.class)
                .hasMessageContaining("needs 400 bytes, the record has 100");
    }

    @Test
    void pngDataThatIsNotAnImageFailsAsDecodeError() {
        NistRecord record = recordWith("PNG", "not a png at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 8, 8);

        assertThatThrownBy(() -> NistImageDecoder.decode(record)).isInstanceOf(NistFormatException.class)
                .hasMessageContaining("14.999 DATA");
    }

    /** A written and re-read Type 14 record whose compression and data we choose. */
    static NistRecord recordWith(String compression, byte[] data, int width, int height) {
        NistRecord png = NistWriter.fingerprint(1, new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), 500,
                FingerPosition.RIGHT_INDEX, ImpressionType.LIVE_SCAN_PLAIN, "TEST", LocalDate.of(2026, 6, 1));
        List<NistField> fields = new ArrayList<>(png.fields().stream()
                .filter(f -> f.number() != 11 && f.number() != 999).toList());
        fields.add(NistField.of(14, 11, compression));
        fields.add(NistField.data(14, 999, data));
        byte[] bytes = new NistWriter().write(List.of(NistWriterTest.type1(), NistRecord.of(14, 1, fields)));
        return new NistReader().read(bytes).records().get(1);
    }

    private static int maxDifference(Raster a, Raster b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                max = Math.max(max, Math.abs(a.getSample(x, y, 0) - b.getSample(x, y, 0)));
            }
        }
        return max;
    }

    private static int indexOf(byte[] bytes, byte first, byte second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }
}

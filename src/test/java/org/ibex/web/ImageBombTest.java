package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.web.FingerprintApiTest.finger;

/**
 * Image bombs (issue 12, finding 2): real files from the shared folder with their headers patched to declare
 * huge images are refused from the header, over real HTTP, naming the field and the limit, before any decoder
 * allocates; an honest verification works afterwards. A node whose extraction slots are all busy answers 503
 * with Retry-After instead of queueing without end.
 */
class ImageBombTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Path SHARED = Path.of(System.getProperty("ibex.shared", "../shared"), "data");
    private static TestNode node;
    private static ApiCalls api;
    private static long person;

    @BeforeAll
    static void enrolATraveller() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        person = api.enter("officer.a", "POST-A", ApiCalls.passport("BOMBARD", "B12345678")).at("/crossing/personId").asLong();
        api.expect(201, "POST", "/api/persons/" + person + "/fingerprints", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 1), finger(7, 102, 1))));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aPngDeclaring20000PixelsASideIsRefusedFromItsHeader() {
        byte[] png = pngDeclaring(read("ansi-nist/sample-wsq-decoded.png"), 20_000, 20_000);

        assertRefusedAsTooLarge(png, "20000x20000");
    }

    @Test
    void aTinyPngThatIsOnlyAHeaderDeclaring40000PixelsASideIsRefused() {
        byte[] png = pngDeclaring(read("ansi-nist/sample-wsq-decoded.png"), 40_000, 40_000);
        byte[] headerOnly = Arrays.copyOf(png, 8 + 25);

        assertRefusedAsTooLarge(headerOnly, "40000x40000");
    }

    @Test
    void aWsqFileWithItsFrameHeaderPatchedTo10000PixelsIsRefused() {
        assertRefusedAsTooLarge(wsqDeclaring(read("ansi-nist/sample.wsq"), 10_000, 10_000), "10000x10000");
    }

    @Test
    void aJpegWithItsFrameHeaderPatchedTo20000PixelsIsRefused() {
        assertRefusedAsTooLarge(jpegDeclaring(asJpeg(read("fingerprints/fvc2002/DB1_B/103_1.tif")), 20_000, 20_000),
                "20000x20000");
    }

    @Test
    void aTiffWithItsSizeTagsPatchedTo20000PixelsIsRefused() {
        assertRefusedAsTooLarge(tiffDeclaring(read("fingerprints/fvc2002/DB1_B/103_1.tif"), 20_000, 20_000),
                "20000x20000");
    }

    @Test
    void aJpeg2000WithItsHeaderAndCodestreamPatchedTo20000PixelsIsRefused() {
        assertRefusedAsTooLarge(jp2Declaring(asJpeg2000(read("fingerprints/fvc2002/DB1_B/103_1.tif")), 20_000, 20_000),
                "20000x20000");
    }

    @Test
    void aCrossingCarryingABombIsRefusedAndNothingIsRecorded() {
        Map<String, Object> crossing = new java.util.LinkedHashMap<>(ApiCalls.crossing("EXIT", "POST-A",
                ApiCalls.passport("BOMBARD", "B12345678")));
        crossing.put("uid", "bomb-at-the-gate");
        crossing.put("fingers", List.of(Map.of("position", 2, "dpi", 500, "image", Base64.getEncoder()
                .encodeToString(pngDeclaring(read("ansi-nist/sample-wsq-decoded.png"), 20_000, 20_000)))));

        JsonNode refused = api.expect(422, "POST", "/api/crossings", "officer.a", crossing);

        assertThat(refused.path("field").asText()).isEqualTo("fingers[0].image");
        assertThat(api.expect(200, "GET", "/api/crossings?person=" + person, "officer.a", null).findValuesAsText("uid"))
                .as("the crossing is not stored").doesNotContain("bomb-at-the-gate");
        assertHonestVerificationStillWorks();
    }

    @Test
    void aNodeWithEveryExtractionSlotBusyAnswers503WithRetryAfter() throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread holder = new Thread(() -> node.extraction.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            holders.add(holder);
        }
        try {
            holding.await();
            HttpResponse<String> busy = api.send("POST", "/api/persons/" + person + "/fingerprints/verify", "officer.a",
                    Map.of("fingers", List.of(finger(2, 101, 2))));

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).as("the client is told when to come back").isPresent();
            assertThat(ApiCalls.json(busy).path("error").asText()).isEqualTo("busy");
        } finally {
            release.countDown();
            for (Thread holder : holders) {
                holder.join();
            }
        }
        assertHonestVerificationStillWorks();
    }

    /** The bomb is the second finger: the refusal names fingers[1].image and compares the declared size to the limit. */
    private static void assertRefusedAsTooLarge(byte[] bomb, String declared) {
        JsonNode refused = api.expect(422, "POST", "/api/persons/" + person + "/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 2),
                        Map.of("position", 7, "image", Base64.getEncoder().encodeToString(bomb), "dpi", 500))));

        assertThat(refused.path("error").asText()).isEqualTo("image-too-large");
        assertThat(refused.path("field").asText()).isEqualTo("fingers[1].image");
        assertThat(refused.path("message").asText()).as("the rule: declared size against the limit")
                .contains("declares " + declared + " pixels").contains("at most 2500 a side and 4000000 in all");
        assertHonestVerificationStillWorks();
    }

    private static void assertHonestVerificationStillWorks() {
        JsonNode honest = api.expect(200, "POST", "/api/persons/" + person + "/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 3), finger(7, 102, 3))));
        assertThat(honest.path("decision").asText()).isEqualTo("MATCH");
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(SHARED.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG with IHDR's width and height replaced and its CRC recomputed, so the header is valid. */
    static byte[] pngDeclaring(byte[] png, int width, int height) {
        byte[] out = png.clone();
        ByteBuffer ihdr = ByteBuffer.wrap(out);
        assertThat(new String(out, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        ihdr.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(out, 12, 17);
        ihdr.putInt(29, (int) crc.getValue());
        return out;
    }

    /** The WSQ file with its frame header (SOF, FFA2) declaring another size: segments walked from SOI. */
    static byte[] wsqDeclaring(byte[] wsq, int width, int height) {
        byte[] out = wsq.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out);
        int at = 2;
        while ((buffer.getShort(at) & 0xFFFF) != 0xFFA2) {
            at += 2 + (buffer.getShort(at + 2) & 0xFFFF);
        }
        // SOF: marker(2) length(2) black(1) white(1) height(2) width(2)
        buffer.putShort(at + 6, (short) height).putShort(at + 8, (short) width);
        return out;
    }

    /** A real print re-encoded as baseline JPEG. */
    static byte[] asJpeg(byte[] tiff) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(tiff));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, "jpg", out)).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real print encoded as JPEG 2000 (JP2 file format) by jai-imageio. */
    static byte[] asJpeg2000(byte[] tiff) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(tiff));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, "jpeg2000", out)).as("jai-imageio writes JPEG 2000").isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JP2 with its image header box (ihdr) and its codestream's SIZ marker both declaring another size. */
    static byte[] jp2Declaring(byte[] jp2, int width, int height) {
        byte[] out = jp2.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out);
        int ihdr = indexOf(out, "ihdr".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        buffer.putInt(ihdr + 4, height).putInt(ihdr + 8, width);
        int siz = indexOf(out, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51}) + 2;
        // SIZ: marker(2) Lsiz(2) Rsiz(2) Xsiz(4) Ysiz(4) XOsiz(4) YOsiz(4)
        buffer.putInt(siz + 6, width).putInt(siz + 10, height);
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    /** The JPEG with its SOF0 segment declaring another size. */
    static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out);
        int at = 2;
        while ((buffer.getShort(at) & 0xFFFF) != 0xFFC0) {
            at += 2 + (buffer.getShort(at + 2) & 0xFFFF);
        }
        // SOF0: marker(2) length(2) precision(1) height(2) width(2)
        buffer.putShort(at + 5, (short) height).putShort(at + 7, (short) width);
        return out;
    }

    /** The TIFF with its ImageWidth (256) and ImageLength (257) tags declaring another size. */
    static byte[] tiffDeclaring(byte[] tiff, int width, int height) {
        byte[] out = tiff.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out).order(out[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = buffer.getInt(4);
        int entries = buffer.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            int tag = buffer.getShort(entry) & 0xFFFF;
            int type = buffer.getShort(entry + 2) & 0xFFFF;
            if (tag == 256 || tag == 257) {
                int value = tag == 256 ? width : height;
                if (type == 3) {
                    buffer.putShort(entry + 8, (short) value);
                } else {
                    buffer.putInt(entry + 8, value);
                }
            }
        }
        return out;
    }
}

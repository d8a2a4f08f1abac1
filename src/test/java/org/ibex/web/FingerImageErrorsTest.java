package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad finger image is answered in words (issue 13, defect 8): the error names the field ({@code fingers[i].image},
 * {@code .dpi}, {@code .position}) and the rule, never a Java method, exception or decoder function.
 */
class FingerImageErrorsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNode() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void damagedWsqDataIsNamedAsDamagedNotByTheDecodersInsides() {
        byte[] wsq = read("ansi-nist/sample.wsq");
        for (int i = 200; i < wsq.length; i += 7) {
            wsq[i] ^= 0x5a;
        }

        JsonNode refused = refused(400, finger(2, Base64.getEncoder().encodeToString(wsq), 500));

        assertThat(refused.path("field").asText()).isEqualTo("fingers[1].image");
        assertThat(refused.path("message").asText()).contains("right index finger").contains("damaged");
        assertInWords(refused);
    }

    @Test
    void aTiffWhoseTagDeclaresMoreValuesThanTheFileHoldsIsRefusedBeforeAnyReaderAllocates() {
        byte[] tiff = read("fingerprints/fvc2002/DB1_B/101_1.tif");
        assertThat(new String(tiff, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("II");
        int directory = java.nio.ByteBuffer.wrap(tiff).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4);
        // The first tag's count (bytes 4-7 of its 12-byte entry): two billion values in a 145 KB file.
        java.nio.ByteBuffer.wrap(tiff).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(directory + 2 + 4, 0x7FFF_FFFF);

        JsonNode refused = refused(400, finger(2, Base64.getEncoder().encodeToString(tiff), 500));

        assertThat(refused.path("field").asText()).isEqualTo("fingers[1].image");
        assertThat(refused.path("message").asText()).contains("declares 2147483647 values").contains("damaged");
        assertInWords(refused);
        assertThat(api.expect(201, "POST", "/api/identifications", "officer.a", Map.of("fingers",
                List.of(FingerprintApiTest.finger(2, 101, 1)))).path("outcome").asText())
                .as("the node still answers honest searches").isNotEmpty();
    }

    @Test
    void aResolutionOutsideTheRangeNamesTheDpiField() {
        Map<String, Object> lowDpi = FingerprintApiTest.finger(2, 101, 1);
        Map<String, Object> finger = new HashMap<>(lowDpi);
        finger.put("dpi", 100);

        JsonNode refused = refused(400, finger);

        assertThat(refused.path("field").asText()).isEqualTo("fingers[1].dpi");
        assertThat(refused.path("message").asText()).contains("250 to 1500 dpi");
        assertInWords(refused);
    }

    @Test
    void aSlapPositionAMissingImageBrokenBase64AndARepeatedFingerNameTheirFields() {
        JsonNode slap = refused(400, finger(13, "AAAA", 500));
        assertThat(slap.path("field").asText()).isEqualTo("fingers[1].position");
        assertThat(slap.path("message").asText()).contains("1 (right thumb) to 10 (left little)");

        Map<String, Object> noImage = new HashMap<>();
        noImage.put("position", 3);
        JsonNode missing = refused(400, noImage);
        assertThat(missing.path("field").asText()).isEqualTo("fingers[1].image");
        assertThat(missing.path("message").asText()).contains("the image is required");

        JsonNode notBase64 = refused(400, finger(3, "not base64 at all!", 500));
        assertThat(notBase64.path("field").asText()).isEqualTo("fingers[1].image");
        assertThat(notBase64.path("message").asText()).contains("not valid base64");
        JsonNode twice = refused(400, FingerprintApiTest.finger(7, 102, 2));
        assertThat(twice.path("field").asText()).isEqualTo("fingers[1].position");
        assertThat(twice.path("message").asText()).contains("left index finger is given twice");
        for (JsonNode error : List.of(slap, missing, notBase64, twice)) {
            assertInWords(error);
        }
    }

    /** The bad finger is the second of an identification's two, so the index in the field is checked too. */
    private static JsonNode refused(int status, Map<String, Object> bad) {
        return api.expect(status, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(FingerprintApiTest.finger(7, 102, 1), bad)));
    }

    private static void assertInWords(JsonNode error) {
        assertThat(error.path("message").asText()).as("no Java method, exception or decoder function in " + error)
                .doesNotContain("()").doesNotContain("Exception").doesNotContain("getc_").doesNotContain("java.");
    }

    private static Map<String, Object> finger(int position, String image, int dpi) {
        return Map.of("position", position, "image", image, "dpi", dpi);
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("ibex.shared", "../shared"), "data", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

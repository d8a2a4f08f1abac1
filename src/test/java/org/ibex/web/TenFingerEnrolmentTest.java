package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten-finger enrolment over the API (issue 13, defect 2): ten real FVC2002 TIFFs (about 1.9 MB as JSON) and a real
 * ANSI/NIST-ITL ten-print enrol, up to 24 MiB on the endpoints that carry images, bounded before the body is in
 * memory; every other endpoint keeps its 1 MiB cap.
 */
class TenFingerEnrolmentTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Path SHARED = Path.of(System.getProperty("ibex.shared", "../shared"), "data");
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

    private static long traveller(String surname, String document) {
        return api.enter("officer.a", "POST-A", ApiCalls.passport(surname, document)).at("/crossing/personId").asLong();
    }

    @Test
    void tenFvcTiffsEnrolInOneRequest() {
        long person = traveller("DECIMUS", "D10000001");
        List<Map<String, Object>> fingers = new ArrayList<>();
        for (int position = 1; position <= 10; position++) {
            fingers.add(FingerprintApiTest.finger(position, 100 + position, 1));
        }
        String body = ApiCalls.JSON.valueToTree(Map.of("fingers", fingers)).toString();
        assertThat(body.length()).as("ten TIFFs in base64 (about 1.9 MB) are over the 1 MiB cap of other endpoints")
                .isGreaterThan(1 << 20);

        JsonNode enrolment = api.expect(201, "POST", "/api/persons/" + person + "/fingerprints", "officer.a", body);

        assertThat(enrolment.path("fingers")).as("all ten fingers are enrolled").hasSize(10);
        JsonNode verified = api.expect(200, "POST", "/api/persons/" + person + "/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(FingerprintApiTest.finger(3, 103, 2), FingerprintApiTest.finger(8, 108, 2))));
        assertThat(verified.path("decision").asText()).isEqualTo("MATCH");
    }

    @Test
    void anAnsiNistTenPrintEnrolsItsRolledFingersAndListsTheSlapsItSkips() {
        long person = traveller("NISTOVA", "N20000002");

        HttpResponse<String> response = sendBytes("/api/persons/" + person + "/fingerprints/nist", "officer.a",
                read("ansi-nist/type-14-tpcard-nqm.an2"), false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = ApiCalls.json(response);
        assertThat(answer.at("/enrolment/fingers").findValuesAsText("position"))
                .as("the ten rolled Type 14 records, one finger each")
                .containsExactly("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE",
                        "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE");
        assertThat(answer.path("skipped").findValuesAsText("why")).as("slaps are named, not silently dropped")
                .allMatch(why -> why.contains("not segmented") || why.contains("earlier record"));
        assertThat(api.expect(200, "GET", "/api/persons/" + person, "officer.a", null).at("/fingerprints/fingers"))
                .as("the person's file shows the enrolment").hasSize(10);
    }

    @Test
    void aFileWithoutSingleFingersIsABadRequestNamingTheRule() {
        long person = traveller("SLAPPER", "S30000003");

        HttpResponse<String> response = sendBytes("/api/persons/" + person + "/fingerprints/nist", "officer.a",
                read("ansi-nist/type-4-slaps.an2"), false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiCalls.json(response).path("message").asText()).contains("no single-finger image");
        HttpResponse<String> junk = sendBytes("/api/persons/" + person + "/fingerprints/nist", "officer.a",
                "not a transaction".getBytes(), false);
        assertThat(junk.statusCode()).as(junk.body()).isEqualTo(400);
        assertThat(ApiCalls.json(junk).path("field").asText()).isEqualTo("body");
    }

    @Test
    void aBodyOverTheBiometricCapIsRefusedWith413NamingTheLimit() {
        long person = traveller("OVERSIZE", "O40000004");
        byte[] huge = new byte[(24 << 20) + 1];
        Arrays.fill(huge, (byte) ' ');

        HttpResponse<String> declared = sendBytes("/api/persons/" + person + "/fingerprints", "officer.a", huge, false);
        HttpResponse<String> streamed = sendBytes("/api/identifications", "officer.a", huge, true);

        for (HttpResponse<String> refused : List.of(declared, streamed)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            assertThat(ApiCalls.json(refused).path("message").asText()).as("the limit is named")
                    .contains("at most 24 MiB");
            assertThat(ApiCalls.json(refused).path("field").asText()).isEqualTo("body");
        }
    }

    @Test
    void twoMegabytesToAnEndpointWithoutImagesAreStillRefused() {
        String padded = "{\"mrz\":\"" + " ".repeat(2 << 20) + "\"}";

        HttpResponse<String> mrz = api.send("POST", "/api/mrz", "officer.a", padded);
        HttpResponse<String> crossing = api.send("POST", "/api/crossings", "officer.a", padded);

        assertThat(mrz.statusCode()).as("the 1 MiB cap stays outside the biometric endpoints").isEqualTo(413);
        assertThat(crossing.statusCode()).isEqualTo(413);
    }

    /** Posts raw bytes, with a Content-Length, or streamed in chunks without one so only counting can stop it. */
    private static HttpResponse<String> sendBytes(String path, String user, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + path))
                .header("Authorization", "Bearer " + api.token(user))
                .header("Content-Type", path.endsWith("/nist") ? "application/octet-stream" : "application/json")
                .POST(publisher).build();
        try {
            return node.http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(SHARED.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fingerprints at the border with real FVC2002 prints: a traveller is enrolled with two fingers, verified 1:1 at
 * the gate, and an undocumented person is identified 1:N with the evidence recorded.
 */
class FingerprintApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;
    private static long personId;

    @BeforeAll
    static void enrolATraveller() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        personId = api.enter("officer.a", "POST-A", ApiCalls.passport("LINDQVIST", "L898902C3")).at("/crossing/personId").asLong();
        JsonNode enrolment = api.expect(201, "POST", "/api/persons/" + personId + "/fingerprints", "officer.a", Map.of(
                "fingers", List.of(finger(2, 101, 1), finger(7, 102, 1)),
                "missing", List.of(Map.of("position", 3, "reason", "INJURED_OR_BANDAGED", "note", "bandaged"))));
        assertThat(enrolment.path("fingers")).hasSize(2);
        assertThat(enrolment.at("/fingers/0/level").asText()).isIn("GOOD", "WARN");
        assertThat(enrolment.at("/exceptions/0/reason").asText()).isEqualTo("INJURED_OR_BANDAGED");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** FVC2002 DB1 set B print FFF_I.tif as position {@code position}, at the documented 500 dpi. */
    static Map<String, Object> finger(int position, int finger, int impression) {
        Path file = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints", "fvc2002", "DB1_B",
                finger + "_" + impression + ".tif");
        try {
            return Map.of("position", position, "image", Base64.getEncoder().encodeToString(Files.readAllBytes(file)),
                    "dpi", 500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSameTravellerIsVerifiedWithBothFingersFused() {
        JsonNode verification = api.expect(200, "POST", "/api/persons/" + personId + "/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 3), finger(7, 102, 3))));
        assertThat(verification.path("decision").asText()).isEqualTo("MATCH");
        assertThat(verification.path("scores")).as("each finger's score is evidence").hasSize(2);
        assertThat(verification.path("fusedScore").asDouble()).isGreaterThan(verification.path("threshold").asDouble());
    }

    @Test
    void anotherPersonsFingersAreRejected() {
        JsonNode verification = api.expect(200, "POST", "/api/persons/" + personId + "/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(finger(2, 103, 1), finger(7, 104, 1))));
        assertThat(verification.path("decision").asText()).isEqualTo("NO_MATCH");
    }

    @Test
    void aCrossingWithFingersVerifiesTheHolderAndRefersAMismatch() {
        Map<String, Object> genuine = new java.util.LinkedHashMap<>(ApiCalls.crossing("EXIT", "POST-A",
                ApiCalls.passport("LINDQVIST", "L898902C3")));
        genuine.put("fingers", List.of(finger(2, 101, 4), finger(7, 102, 4)));
        JsonNode admitted = api.expect(201, "POST", "/api/crossings", "officer.a", genuine);
        assertThat(admitted.at("/crossing/checks").findValuesAsText("name")).contains("fingerprints");
        JsonNode check = checkNamed(admitted, "fingerprints");
        assertThat(check.path("outcome").asText()).isEqualTo("PASS");
        assertThat(check.path("detail").asText()).contains("2 finger(s) fused");

        Map<String, Object> impostor = new java.util.LinkedHashMap<>(ApiCalls.crossing("ENTRY", "POST-A",
                ApiCalls.passport("LINDQVIST", "L898902C3")));
        impostor.put("fingers", List.of(finger(2, 106, 1), finger(7, 107, 1)));
        JsonNode referred = api.expect(201, "POST", "/api/crossings", "officer.a", impostor);
        assertThat(checkNamed(referred, "fingerprints").path("outcome").asText()).isEqualTo("FAIL");
        assertThat(referred.at("/crossing/decision").asText()).isEqualTo("REFER");
        assertThat(referred.at("/crossing/reasons").findValuesAsText("code")).contains("fingerprints-mismatch");
    }

    private static JsonNode checkNamed(JsonNode recorded, String name) {
        for (JsonNode check : recorded.at("/crossing/checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + recorded.at("/crossing/checks"));
    }

    @Test
    void anUndocumentedPersonIsIdentifiedByOneFingerAndTheProbeIsKeptWithTheIdentification() {
        JsonNode identification = api.expect(201, "POST", "/api/identifications", "officer.b",
                Map.of("label", "arrived without papers", "fingers", List.of(finger(7, 102, 5))));
        assertThat(identification.path("outcome").asText()).isEqualTo("IDENTIFIED");
        assertThat(identification.at("/candidates/0/personId").asLong()).isEqualTo(personId);
        assertThat(identification.at("/candidates/0/fingers/0/position").asText()).isEqualTo("LEFT_INDEX");
        assertThat(identification.path("comparisonFmr").asDouble())
                .as("the threshold follows from the target FPIR over the gallery size")
                .isEqualTo(identification.path("targetFpir").asDouble() / identification.path("gallerySize").asInt());
        JsonNode kept = api.expect(200, "GET", identification.path("href").asText(), "officer.b", null);
        assertThat(kept.path("probeFingers").get(0).asText()).as("the probe is kept with the identification, not enrolled")
                .isEqualTo("LEFT_INDEX");
        assertThat(kept.path("enrolledSubjectId").isNull()).isTrue();
    }

    @Test
    void aWithdrawnSubjectIsNoLongerFound() {
        JsonNode searched = api.expect(201, "POST", "/api/identifications", "officer.a",
                Map.of("label", "to be withdrawn", "fingers", List.of(finger(4, 108, 1))));
        long subject = api.expect(201, "POST", searched.path("enrolment").asText(), "officer.a",
                Map.of("reason", "no papers, to be found again")).path("enrolledSubjectId").asLong();
        assertThat(api.expect(201, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(finger(4, 108, 2)))).at("/candidates/0/subjectId").asLong())
                .as("the unknown subject enrolled from the first search is found by the second").isEqualTo(subject);

        assertThat(api.send("DELETE", "/api/biometric-subjects/" + subject, "officer.a", null).statusCode())
                .as("only supervisors withdraw").isEqualTo(403);
        assertThat(api.send("DELETE", "/api/biometric-subjects/" + subject, "supervisor.a",
                Map.of("reason", "enrolled in error")).statusCode()).isEqualTo(204);

        JsonNode after = api.expect(201, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(finger(4, 108, 3))));
        assertThat(after.path("candidates").findValuesAsText("subjectId")).doesNotContain(String.valueOf(subject));
        assertThat(api.send("DELETE", "/api/biometric-subjects/" + subject, "supervisor.a",
                Map.of("reason", "enrolled in error")).statusCode()).as("withdrawing twice names the reason").isEqualTo(404);
    }

    @Test
    void aStrangerGivesNoHit() {
        JsonNode identification = api.expect(201, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(finger(5, 105, 1))));
        assertThat(identification.path("outcome").asText()).isEqualTo("NO_HIT");
        assertThat(identification.path("candidates")).isEmpty();
    }

    @Test
    void badImagesAndUnknownPersonsGetClearErrors() {
        JsonNode notAnImage = api.expect(400, "POST", "/api/persons/" + personId + "/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(Map.of("position", 2, "image", Base64.getEncoder().encodeToString(new byte[100])))));
        assertThat(notAnImage.path("message").asText()).contains("right index finger");
        JsonNode slap = api.expect(400, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(Map.of("position", 13, "image", "AAAA"))));
        assertThat(slap.path("message").asText()).contains("finger position must be one finger, 1 (right thumb) to 10");
        assertThat(slap.path("field").asText()).isEqualTo("fingers[0].position");
        JsonNode unknown = api.expect(404, "POST", "/api/persons/999999/fingerprints/verify", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 2))));
        assertThat(unknown.path("message").asText()).isEqualTo("no person 999999");
        assertThat(api.send("POST", "/api/identifications", "analyst", Map.of("fingers", List.of(finger(2, 101, 2))))
                .statusCode()).as("analysts see numbers, not people").isEqualTo(403);
    }
}

package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.audit.AccessLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.web.FingerprintApiTest.finger;

/**
 * A 1:N search never enrols (issue 13, defect 3): the same unknown finger asked twice answers NO_HIT twice and the
 * gallery does not grow; enrolling the unknown person is an explicit act of the post that searched, with a reason,
 * on record; the identification can be opened again by that post only.
 */
class IdentificationNeverEnrolsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;
    private static long traveller;

    @BeforeAll
    static void enrolOneTraveller() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        traveller = api.enter("officer.a", "POST-A", ApiCalls.passport("KNOWN", "K11111111")).at("/crossing/personId").asLong();
        api.expect(201, "POST", "/api/persons/" + traveller + "/fingerprints", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 1), finger(7, 102, 1))));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static JsonNode identify(String user, int position, int finger, int impression) {
        return api.expect(201, "POST", "/api/identifications", user,
                Map.of("label", "found without papers", "fingers", List.of(finger(position, finger, impression))));
    }

    @Test
    void theSameUnknownFingerTwiceAnswersNoHitTwiceAndTheGalleryDoesNotGrow() {
        JsonNode first = identify("officer.a", 4, 109, 1);
        JsonNode second = identify("officer.a", 4, 109, 2);

        assertThat(first.path("outcome").asText()).isEqualTo("NO_HIT");
        assertThat(second.path("outcome").asText()).as("the first search did not put the stranger in the gallery")
                .isEqualTo("NO_HIT");
        assertThat(second.path("gallerySize").asInt()).as("a search never enrols").isEqualTo(first.path("gallerySize").asInt());
        assertThat(second.path("enrolledSubjectId").isNull()).isTrue();
        assertThat(second.path("href").asText()).isEqualTo("/api/identifications/" + second.path("id").asLong());
    }

    @Test
    void anExplicitEnrolmentWithAReasonMakesTheUnknownPersonIdentifiable() {
        JsonNode search = identify("officer.a", 5, 110, 1);
        long id = search.path("id").asLong();
        String enrolment = "/api/identifications/" + id + "/enrolment";
        assertThat(search.path("enrolment").asText()).as("the result links to the explicit act").isEqualTo(enrolment);

        JsonNode noReason = api.expect(400, "POST", enrolment, "officer.a", Map.of("reason", " "));
        assertThat(noReason.path("field").asText()).isEqualTo("reason");
        assertThat(api.send("POST", enrolment, "officer.b", Map.of("reason", "asylum claim")).statusCode())
                .as("another post's identification reads as missing").isEqualTo(404);
        JsonNode enrolled = api.expect(201, "POST", enrolment, "officer.a", Map.of("reason", "asylum claim lodged"));
        long subject = enrolled.path("enrolledSubjectId").asLong();
        assertThat(subject).isPositive();
        assertThat(api.expect(409, "POST", enrolment, "supervisor.a", Map.of("reason", "again")).path("error").asText())
                .as("once per identification").isEqualTo("enrolment-exists");

        JsonNode later = identify("officer.a", 5, 110, 2);
        assertThat(later.path("outcome").asText()).isEqualTo("IDENTIFIED");
        assertThat(later.at("/candidates/0/subjectId").asLong()).isEqualTo(subject);
        assertThat(node.services.accessLog().recent(50)).extracting(AccessLog.Entry::access)
                .as("the enrolment is on record with the identification and the subject")
                .anyMatch(a -> a.action().equals("enrol unknown subject")
                        && a.subject().equals("identification " + id + " -> subject " + subject));
    }

    @Test
    void anIdentificationIsOpenedAgainByItsPostOnlyWithPerFingerScoresAndAPersonLink() {
        long id = identify("officer.a", 7, 102, 4).path("id").asLong();

        JsonNode read = api.expect(200, "GET", "/api/identifications/" + id, "supervisor.a", null);

        assertThat(read.path("outcome").asText()).isEqualTo("IDENTIFIED");
        assertThat(read.at("/candidates/0/personId").asLong()).isEqualTo(traveller);
        assertThat(read.at("/candidates/0/person").asText()).isEqualTo("/api/persons/" + traveller);
        assertThat(read.at("/candidates/0/fingers/0/score").asDouble()).as("per-finger evidence").isPositive();
        assertThat(read.path("probeFingers").get(0).asText()).isEqualTo("LEFT_INDEX");
        JsonNode other = api.expect(404, "GET", "/api/identifications/" + id, "officer.b", null);
        assertThat(other.path("message").asText()).isEqualTo("no identification " + id);
        assertThat(api.expect(404, "GET", "/api/identifications/999999", "officer.b", null).path("message").asText())
                .as("another post's reads exactly as one never made").isEqualTo("no identification 999999");
        assertThat(api.send("GET", "/api/identifications/" + id, "analyst", null).statusCode()).isEqualTo(403);
        assertThat(node.services.accessLog().recent(20)).extracting(AccessLog.Entry::access)
                .anyMatch(a -> a.action().equals("read identification refused") && a.actor().equals("officer.b"));
    }
}

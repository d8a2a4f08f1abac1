package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.web.FingerprintApiTest.finger;

/**
 * Whose fingerprints a post may touch (issue 12, findings 1 and 9): a post enrols, verifies and withdraws the
 * prints of persons who crossed there, or of persons a supervisor opened a case for; every other id is answered
 * exactly as one that does not exist. Replacing an enrolment is a supervisor's act with a reason, and the
 * earlier enrolment stays as evidence. Real FVC2002 prints: fingers 101 and 102 are the holder, 103 and 104
 * someone else.
 */
class BiometricScopeTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final long NO_SUCH_PERSON = 999_999;
    private static TestNode node;
    private static ApiCalls api;
    private static int travellers;

    @BeforeAll
    static void startNode() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void anotherPostCannotReplaceAPersonsPrintsAndTheRealHolderStillMatches() {
        long person = travellerEnrolledAtPostA();

        HttpResponse<String> takeover = api.send("POST", "/api/persons/" + person + "/fingerprints", "officer.b",
                Map.of("fingers", impostorsFingers(1)));

        assertAnsweredAsNoSuchPerson(takeover, person);
        assertThat(verify(person, "officer.a", holdersFingers(3))).as("the real holder still passes").isEqualTo("MATCH");
        assertThat(verify(person, "officer.a", impostorsFingers(2))).as("the impostor still fails").isEqualTo("NO_MATCH");
        assertThat(actions("officer.b")).contains("enrol fingerprints refused");
    }

    @Test
    void anOfficerCannotEnrolOverAnEnrolmentInForce() {
        long person = travellerEnrolledAtPostA();

        JsonNode refused = api.expect(409, "POST", "/api/persons/" + person + "/fingerprints", "officer.a",
                Map.of("fingers", impostorsFingers(1)));

        assertThat(refused.path("error").asText()).isEqualTo("enrolment-exists");
        assertThat(refused.path("message").asText()).as("the refusal names the rule")
                .contains("already has fingerprints enrolled").contains("supervisor's act with a reason");
        assertThat(verify(person, "officer.a", holdersFingers(3))).isEqualTo("MATCH");
    }

    @Test
    void aSupervisorReplacesWithAReasonAndTheEarlierEnrolmentStaysAsEvidence() {
        long person = travellerEnrolledAtPostA();
        long earlier = subjectInForce(person);

        JsonNode noReason = api.expect(400, "POST", "/api/persons/" + person + "/fingerprints", "supervisor.a",
                Map.of("fingers", impostorsFingers(1)));
        assertThat(noReason.path("field").asText()).isEqualTo("reason");
        JsonNode replaced = api.expect(201, "POST", "/api/persons/" + person + "/fingerprints", "supervisor.a",
                Map.of("fingers", impostorsFingers(1), "reason", "the booth enrolled the companion's fingers"));

        long later = replaced.path("subjectId").asLong();
        assertThat(row(earlier)).as("the earlier enrolment is kept, marked with who, why and its successor")
                .containsEntry("withdrawn_by", "supervisor.a")
                .containsEntry("withdrawal_reason", "the booth enrolled the companion's fingers")
                .containsEntry("replaced_by", String.valueOf(later))
                .containsEntry("templates", "2");
        assertThat(verify(person, "officer.a", impostorsFingers(2))).isEqualTo("MATCH");
        assertThat(actions("supervisor.a")).contains("replace fingerprints");
    }

    @Test
    void aVerificationByAnotherPostIsAnsweredAsForAPersonThatDoesNotExist() {
        long person = travellerEnrolledAtPostA();

        HttpResponse<String> answer = api.send("POST", "/api/persons/" + person + "/fingerprints/verify", "officer.b",
                Map.of("fingers", holdersFingers(3)));

        assertAnsweredAsNoSuchPerson(answer, person);
        assertThat(entries("officer.b")).as("the refused attempt is in the access log")
                .anyMatch(a -> a.action().equals("verify fingerprints refused") && a.subject().startsWith("person " + person));
    }

    @Test
    void aVerificationOfAPersonWithoutPrintsIsLoggedAndLeaksNothingToAnotherPost() {
        long person = api.enter("officer.a", "POST-A", ApiCalls.passport("NOPRINTS" + nextSurname(), nextDocument()))
                .at("/crossing/personId").asLong();

        JsonNode notEnrolled = api.expect(404, "POST", "/api/persons/" + person + "/fingerprints/verify", "officer.a",
                Map.of("fingers", holdersFingers(3)));

        assertThat(notEnrolled.path("error").asText()).isEqualTo("not-enrolled");
        assertThat(entries("officer.a")).as("the 1:1 attempt is recorded although nothing was compared")
                .anyMatch(a -> a.action().equals("verify fingerprints refused")
                        && a.subject().equals("person " + person + ": no fingerprints enrolled"));
        assertAnsweredAsNoSuchPerson(api.send("POST", "/api/persons/" + person + "/fingerprints/verify", "officer.b",
                Map.of("fingers", holdersFingers(3))), person);
    }

    @Test
    void aWithdrawalNeedsAReasonAndThePostsScope() {
        long person = travellerEnrolledAtPostA();
        long subject = subjectInForce(person);

        HttpResponse<String> otherPost = api.send("DELETE", "/api/biometric-subjects/" + subject, "supervisor.b",
                Map.of("reason", "tidying up"));
        HttpResponse<String> missing = api.send("DELETE", "/api/biometric-subjects/" + NO_SUCH_PERSON, "supervisor.b",
                Map.of("reason", "tidying up"));
        assertThat(otherPost.statusCode()).isEqualTo(404);
        assertThat(otherPost.body().replace(String.valueOf(subject), "N"))
                .as("another post's subject reads as one that does not exist")
                .isEqualTo(missing.body().replace(String.valueOf(NO_SUCH_PERSON), "N"));

        JsonNode noReason = api.expect(400, "DELETE", "/api/biometric-subjects/" + subject, "supervisor.a", null);
        assertThat(noReason.path("field").asText()).isEqualTo("reason");
        api.expect(204, "DELETE", "/api/biometric-subjects/" + subject, "supervisor.a",
                Map.of("reason", "consent withdrawn by the holder"));

        assertThat(row(subject)).containsEntry("withdrawn_by", "supervisor.a")
                .containsEntry("withdrawal_reason", "consent withdrawn by the holder").containsEntry("replaced_by", null);
        assertThat(api.send("POST", "/api/persons/" + person + "/fingerprints/verify", "officer.a",
                Map.of("fingers", holdersFingers(3))).statusCode()).isEqualTo(404);
    }

    @Test
    void aSupervisorsCaseOpensAPersonToTheirPostForThirtyDays() {
        long person = travellerEnrolledAtPostA();
        assertAnsweredAsNoSuchPerson(api.send("POST", "/api/persons/" + person + "/fingerprints/verify", "officer.b",
                Map.of("fingers", holdersFingers(3))), person);

        assertThat(api.send("POST", "/api/persons/" + person + "/cases", "officer.b", Map.of("reason", "x")).statusCode())
                .as("officers do not open cases").isEqualTo(403);
        assertThat(api.expect(400, "POST", "/api/persons/" + person + "/cases", "supervisor.b", Map.of("reason", " "))
                .path("field").asText()).isEqualTo("reason");
        JsonNode opened = api.expect(201, "POST", "/api/persons/" + person + "/cases", "supervisor.b",
                Map.of("reason", "traveller re-routed to the land post by the airline"));

        assertThat(opened.path("postId").asText()).isEqualTo("POST-B");
        assertThat(Instant.parse(opened.path("expiresAt").asText())).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(verify(person, "officer.b", holdersFingers(3))).as("the case opens the person to POST-B")
                .isEqualTo("MATCH");
        assertThat(actions("supervisor.b")).contains("open biometric case");
        assertAnsweredAsNoSuchPerson(api.send("POST", "/api/persons/" + NO_SUCH_PERSON + "/cases", "supervisor.b",
                Map.of("reason", "checking")), NO_SUCH_PERSON);
    }

    /** A traveller who entered at POST-A and was enrolled there with the holder's fingers. */
    private static long travellerEnrolledAtPostA() {
        long person = api.enter("officer.a", "POST-A", ApiCalls.passport("SCOPE" + nextSurname(), nextDocument()))
                .at("/crossing/personId").asLong();
        api.expect(201, "POST", "/api/persons/" + person + "/fingerprints", "officer.a",
                Map.of("fingers", holdersFingers(1)));
        return person;
    }

    /** Each traveller is another person: the registry links by name and birth date, so the names differ. */
    private static String nextSurname() {
        return String.valueOf((char) ('A' + travellers % 26)) + (char) ('A' + travellers / 26);
    }

    private static String nextDocument() {
        return String.format("S%08d", ++travellers);
    }

    private static List<Map<String, Object>> holdersFingers(int impression) {
        return List.of(finger(2, 101, impression), finger(7, 102, impression));
    }

    private static List<Map<String, Object>> impostorsFingers(int impression) {
        return List.of(finger(2, 103, impression), finger(7, 104, impression));
    }

    private static String verify(long person, String user, List<Map<String, Object>> fingers) {
        return api.expect(200, "POST", "/api/persons/" + person + "/fingerprints/verify", user, Map.of("fingers", fingers))
                .path("decision").asText();
    }

    /** The answer for an id the actor may not see equals the answer for an id that does not exist. */
    private static void assertAnsweredAsNoSuchPerson(HttpResponse<String> answer, long person) {
        HttpResponse<String> missing = api.send("POST", "/api/persons/" + NO_SUCH_PERSON + "/fingerprints/verify",
                "officer.b", Map.of("fingers", holdersFingers(3)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(answer.body().replace(String.valueOf(person), "N"))
                .as("nothing tells a hidden person from a missing one")
                .isEqualTo(missing.body().replace(String.valueOf(NO_SUCH_PERSON), "N"));
    }

    private static List<AccessLog.Access> entries(String actor) {
        return node.services.accessLog().recent(1000).stream().map(AccessLog.Entry::access)
                .filter(a -> a.actor().equals(actor)).toList();
    }

    private static List<String> actions(String actor) {
        return entries(actor).stream().map(AccessLog.Access::action).toList();
    }

    private static long subjectInForce(long person) {
        return node.database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM biometric_subject WHERE person_id = ? AND withdrawn_at IS NULL")) {
                select.setLong(1, person);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static Map<String, String> row(long subject) {
        return node.database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT s.withdrawn_by, s.withdrawal_reason,"
                    + " s.replaced_by, (SELECT COUNT(*) FROM finger_template t WHERE t.subject_id = s.id)"
                    + " FROM biometric_subject s WHERE s.id = ?")) {
                select.setLong(1, subject);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    Map<String, String> values = new java.util.HashMap<>();
                    values.put("withdrawn_by", row.getString(1));
                    values.put("withdrawal_reason", row.getString(2));
                    values.put("replaced_by", row.getString(3));
                    values.put("templates", row.getString(4));
                    return values;
                }
            }
        });
    }
}

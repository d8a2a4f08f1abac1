package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.web.FingerprintApiTest.finger;

/**
 * Wanted persons' fingerprints with real FVC2002 prints: a list manager flags an enrolled traveller with a reason,
 * every probe given at the gate or searched 1:N is held against the flag (a match refers the traveller, whoever their
 * passport says they are), and a lifted flag stops matching; only list managers flag and lift, every act is audited.
 */
class WantedPrintApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;
    private static long personId;

    @BeforeAll
    static void enrolATraveller() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        personId = api.enter("officer.a", "POST-A", ApiCalls.passport("LINDQVIST", "L898902C3"))
                .at("/crossing/personId").asLong();
        api.expect(201, "POST", "/api/persons/" + personId + "/fingerprints", "officer.a", Map.of(
                "fingers", List.of(finger(2, 101, 1), finger(7, 102, 1))));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aFlaggedTravellerIsReferredUnderAnotherNameAndALiftedFlagStopsMatching() {
        JsonNode flag = api.expect(200, "POST", "/api/wanted-prints", "list.manager", Map.of("personId", personId,
                "reason", "arrest warrant 2026/114, armed robbery"));
        assertThat(flag.path("reference").asText()).startsWith("W");
        assertThat(flag.path("name").asText()).isEqualTo("LINDQVIST, JEAN");
        assertThat(flag.path("source").asText()).isEqualTo("THIS_NODE");
        assertThat(flag.path("fingers")).hasSize(2);
        long subjectId = flag.path("subjectId").asLong();

        JsonNode retry = api.expect(200, "POST", "/api/wanted-prints", "list.manager", Map.of("subjectId", subjectId,
                "reason", "a retry with other words"));
        assertThat(retry.path("reason").asText()).as("a retry answers as the first request did")
                .isEqualTo("arrest warrant 2026/114, armed robbery");
        assertThat(retry.path("flaggedAt").asText()).isEqualTo(flag.path("flaggedAt").asText());

        JsonNode crossing = api.expect(201, "POST", "/api/crossings", "officer.a", withFingers(ApiCalls.crossing(
                "ENTRY", "POST-A", ApiCalls.passport("OTHERNAME", "X12345678")), finger(2, 101, 3)));
        assertThat(crossing.at("/crossing/decision").asText()).isEqualTo("REFER");
        assertThat(crossing.at("/crossing/reasons")).anySatisfy(reason -> {
            assertThat(reason.path("code").asText()).isEqualTo("wanted-prints");
            assertThat(reason.path("message").asText()).contains(flag.path("reference").asText())
                    .contains("arrest warrant 2026/114");
        });

        JsonNode stranger = api.expect(201, "POST", "/api/crossings", "officer.a", withFingers(ApiCalls.crossing(
                "ENTRY", "POST-A", ApiCalls.passport("STRANGER", "S12345678")), finger(2, 103, 1)));
        assertThat(stranger.at("/crossing/reasons")).noneSatisfy(reason ->
                assertThat(reason.path("code").asText()).isEqualTo("wanted-prints"));

        JsonNode identification = api.expect(201, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(finger(7, 102, 4))));
        assertThat(identification.path("wanted")).singleElement().satisfies(match ->
                assertThat(match.path("reference").asText()).isEqualTo(flag.path("reference").asText()));
        assertThat(api.expect(200, "GET", "/api/identifications/" + identification.path("id").asLong(), "officer.a",
                null).path("wanted")).as("the match is kept with the identification's evidence").hasSize(1);

        JsonNode lifted = api.expect(200, "POST", "/api/wanted-prints/" + subjectId + "/lift", "list.manager",
                Map.of("reason", "warrant withdrawn by the court"));
        assertThat(lifted.path("inForce").asBoolean()).isFalse();
        assertThat(lifted.path("liftedBy").asText()).isEqualTo("list.manager");
        JsonNode again = api.expect(201, "POST", "/api/crossings", "officer.a", withFingers(ApiCalls.crossing(
                "ENTRY", "POST-A", ApiCalls.passport("OTHERNAME", "X12345670")), finger(2, 101, 4)));
        assertThat(again.at("/crossing/reasons")).noneSatisfy(reason ->
                assertThat(reason.path("code").asText()).isEqualTo("wanted-prints"));
        assertThat(api.expect(200, "POST", "/api/wanted-prints/" + subjectId + "/lift", "list.manager",
                Map.of("reason", "a retry")).path("liftReason").asText()).isEqualTo("warrant withdrawn by the court");

        assertThat(api.expect(200, "GET", "/api/wanted-prints", "supervisor.a", null).path("flagged"))
                .anySatisfy(row -> assertThat(row.path("subjectId").asLong()).isEqualTo(subjectId));
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action IN ('wanted-prints.flag',"
                + " 'wanted-prints.lift', 'wanted-prints.match')")).as("flag, lift and both matches audited")
                .isEqualTo(4);
    }

    @Test
    void onlyListManagersFlagAndLiftAndOfficersCannotReadTheList() {
        Map<String, Object> flag = Map.of("personId", personId, "reason", "test");
        api.expect(403, "POST", "/api/wanted-prints", "officer.a", flag);
        api.expect(403, "POST", "/api/wanted-prints", "supervisor.a", flag);
        api.expect(403, "POST", "/api/wanted-prints", "admin", flag);
        api.expect(403, "POST", "/api/wanted-prints/1/lift", "supervisor.a", Map.of("reason", "test"));
        api.expect(403, "GET", "/api/wanted-prints", "officer.b", null);
        api.expect(403, "GET", "/api/wanted-prints", "analyst", null);
    }

    @Test
    void aFlagThatBreaksARuleIsRefusedNamingTheField() {
        assertThat(api.expect(400, "POST", "/api/wanted-prints", "list.manager", Map.of("personId", personId))
                .path("field").asText()).isEqualTo("reason");
        assertThat(api.expect(400, "POST", "/api/wanted-prints", "list.manager", Map.of("personId", personId,
                "reason", "x".repeat(501))).path("field").asText()).isEqualTo("reason");
        assertThat(api.expect(400, "POST", "/api/wanted-prints", "list.manager", Map.of("personId", personId,
                "subjectId", 1, "reason", "both")).path("field").asText()).isEqualTo("subjectId");
        assertThat(api.expect(400, "POST", "/api/wanted-prints", "list.manager", Map.of("reason", "neither"))
                .path("field").asText()).isEqualTo("subjectId");
        api.expect(404, "POST", "/api/wanted-prints", "list.manager", Map.of("subjectId", 999_999, "reason", "none"));
        api.expect(404, "POST", "/api/wanted-prints/999999/lift", "list.manager", Map.of("reason", "none"));
        api.expect(400, "POST", "/api/wanted-prints", "list.manager", "{\"personId\": \"DROP TABLE\"}");
        api.expect(400, "POST", "/api/wanted-prints/abc/lift", "list.manager", Map.of("reason", "x"));
    }

    private static long count(String sql) {
        return node.database.read(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement(sql);
                 java.sql.ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        });
    }

    private static Map<String, Object> withFingers(Map<String, Object> crossing, Map<String, Object> finger) {
        Map<String, Object> request = new LinkedHashMap<>(crossing);
        request.put("fingers", List.of(finger));
        return request;
    }
}

package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
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
 * A person's file (issue 13, defect 3), what an identification's candidate links to: documents, crossings, stay,
 * hits, the fingerprint enrolment and who looked at the person and why; scoped like the stay, every read on record.
 */
class PersonFileTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;
    private static long person;

    @BeforeAll
    static void aTravellerCrossesAtPostAAndIsEnrolled() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api = new ApiCalls(node);
        person = api.enter("officer.a", "POST-A", ApiCalls.passport("FILEWORTH", "F55555555")).at("/crossing/personId").asLong();
        api.expect(201, "POST", "/api/persons/" + person + "/fingerprints", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 1), finger(7, 102, 1))));
        api.expect(200, "GET", "/api/persons/" + person + "/stay", "supervisor.a", null, "X-Purpose", "secondary inspection");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void theOfficerOfThePostOpensDocumentsCrossingsStayFingerprintsAndWhoLooked() {
        JsonNode file = api.expect(200, "GET", "/api/persons/" + person, "officer.a", null, "X-Purpose", "identity check");

        assertThat(file.at("/person/surname").asText()).isEqualTo("FILEWORTH");
        assertThat(file.at("/documents/0/documentNumber").asText()).isEqualTo("F55555555");
        assertThat(file.path("crossings")).hasSize(1);
        assertThat(file.at("/stay/status/present").asBoolean()).isTrue();
        assertThat(file.path("hits").isArray()).isTrue();
        assertThat(file.at("/fingerprints/fingers/0").asText()).isEqualTo("RIGHT_INDEX");
        assertThat(file.path("accesses")).as("who looked at this person, and why")
                .anyMatch(a -> a.at("/access/actor").asText().equals("supervisor.a")
                        && a.at("/access/purpose").asText().equals("secondary inspection"));
        assertThat(file.path("accesses")).as("this read is on record too")
                .anyMatch(a -> a.at("/access/action").asText().equals("person.read")
                        && a.at("/access/purpose").asText().equals("identity check"));
    }

    @Test
    void anotherPostReadsThePersonAsMissingUntilItsSupervisorOpensACase() {
        JsonNode refused = api.expect(404, "GET", "/api/persons/" + person, "officer.b", null);
        assertThat(refused.path("message").asText()).isEqualTo("no person " + person);
        assertThat(api.expect(404, "GET", "/api/persons/999999", "officer.b", null).path("message").asText())
                .as("exactly as a person who does not exist").isEqualTo("no person 999999");
        assertThat(node.services.accessLog().recent(20)).as("a refused read is on record")
                .anyMatch(e -> e.access().actor().equals("officer.b") && e.access().action().equals("person.read refused"));

        api.expect(201, "POST", "/api/persons/" + person + "/cases", "supervisor.b", Map.of("reason", "asylum interview"));

        JsonNode opened = api.expect(200, "GET", "/api/persons/" + person, "officer.b", null);
        assertThat(opened.at("/person/surname").asText()).isEqualTo("FILEWORTH");
        assertThat(opened.path("crossings")).as("another post's crossings stay hidden from a post-bound officer").isEmpty();
    }

    @Test
    void analystsReadEveryPersonAndAdminsNone() {
        assertThat(api.expect(200, "GET", "/api/persons/" + person, "analyst", null).path("crossings")).hasSize(1);
        assertThat(api.send("GET", "/api/persons/" + person, "admin", null).statusCode()).isEqualTo(403);
        assertThat(api.expect(400, "GET", "/api/persons/abc", "analyst", null).path("field").asText()).isEqualTo("id");
    }
}

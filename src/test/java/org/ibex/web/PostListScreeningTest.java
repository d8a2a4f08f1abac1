package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A post's own list screens travellers at that post: another post neither is stopped by it nor sees its entries. */
class PostListScreeningTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithAnAirportList() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api.expect(200, "PUT", "/api/watchlists/air-local?format=csv", "supervisor.a", "id,name\nL1,Golfsson Jean\n");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void theListedTravellerIsReferredAtTheListsPostOnly() {
        JsonNode atA = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("GOLFSSON", "GO1234567")));
        JsonNode atB = api.expect(201, "POST", "/api/crossings", "officer.b",
                ApiCalls.crossing("ENTRY", "POST-B", ApiCalls.passport("GOLFSSON", "GO7654321")));

        assertThat(atA.path("hits").findValuesAsText("listId")).as("at POST-A its own list applies").contains("air-local");
        assertThat(atB.path("hits").findValuesAsText("listId")).as("POST-B does not see POST-A's list").isEmpty();
        assertThat(atB.toString()).doesNotContain("air-local");
    }

    @Test
    void screeningByNameAtAnotherPostShowsNothingOfTheList() {
        JsonNode atB = api.expect(200, "POST", "/api/screen", "officer.b", Map.of("name", "JEAN GOLFSSON"));
        JsonNode atA = api.expect(200, "POST", "/api/screen", "officer.a", Map.of("name", "JEAN GOLFSSON"));

        assertThat(atB.toString()).doesNotContain("air-local");
        assertThat(atA.toString()).contains("air-local");
    }

    @Test
    void aSupervisorOfAnotherPostIsRefusedBeforeTheFileIsRead() {
        HttpResponse<String> response = api.send("PUT", "/api/watchlists/air-local?format=csv", "supervisor.b",
                "not,a\\nvalid\\\"file");

        assertThat(response.statusCode()).as("403 whatever the file holds: " + response.body()).isEqualTo(403);
    }
}

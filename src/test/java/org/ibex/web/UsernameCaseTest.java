package org.ibex.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Admin" and "admin" are one account (issue 12, finding 6): unique without case, found without case. */
class UsernameCaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNode() {
        node = new TestNode(CLOCK);
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aSecondAdminSpelledWithACapitalIsRefusedAsTaken() {
        HttpResponse<String> response = api.send("POST", "/api/users", "admin", Map.of("username", "Admin", "role", "admin"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(ApiCalls.json(response).path("error").asText()).isEqualTo("exists");
        assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("username");
        assertThat(api.expect(200, "GET", "/api/users", "admin", null).findValuesAsText("username"))
                .as("still one admin").containsOnlyOnce("admin").doesNotContain("Admin");
    }

    @Test
    void aUserLogsInWhateverCaseTheyTypeAndIsKnownByTheStoredName() {
        HttpResponse<String> response = api.send("POST", "/api/login", null,
                Map.of("username", "OFFICER.A", "password", TestNode.PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiCalls.json(response).path("username").asText()).isEqualTo("officer.a");
    }

    @Test
    void aBadUsernameIsRefusedWithTheRule() {
        HttpResponse<String> response = api.send("POST", "/api/users", "admin",
                Map.of("username", "robert'); --", "role", "analyst"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("username");
        assertThat(ApiCalls.json(response).path("message").asText()).contains("A-Z a-z 0-9 . _ -");
    }
}

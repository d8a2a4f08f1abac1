package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A direct screening leaves in the access log what was searched for and which entries it found. */
class ScreeningAccessLogTest {
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithAList() {
        node = new TestNode(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
        api = new ApiCalls(node);
        api.expect(200, "PUT", "/api/watchlists/alerts?format=csv", "supervisor.a", "id,name\nW1,Иванов Сергей\nW2,Haddad Omar\n");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void theQueryAndTheEntriesFoundAreLogged() {
        api.expect(200, "POST", "/api/screen", "officer.a", Map.of("name", "SERGEI IVANOV", "dateOfBirth", "1971-03-05",
                "documentNumber", "RU1234567", "nationality", "RUS"));

        JsonNode entry = api.expect(200, "GET", "/api/access-log?limit=20", "admin", null).findParents("action").stream()
                .filter(e -> e.path("action").asText().equals("watchlist.screen")).findFirst().orElseThrow();
        assertThat(entry.path("subject").asText()).as("what was searched and what was found")
                .contains("SERGEI IVANOV").contains("1971-03-05").contains("RU1234567").contains("RUS")
                .contains("alerts/W1");
        assertThat(entry.path("actor").asText()).isEqualTo("officer.a");
    }
}

package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Watchlists at the border: supervisors load lists, crossings are screened, officers clear false alerts. */
class WatchlistApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String ALERTS_CSV = "id,name\nW1,Иванов Сергей\nW2,Haddad Omar\n";
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNode() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        api.expect(200, "PUT", "/api/watchlists/alerts?format=csv&name=Alerts", "supervisor.a", ALERTS_CSV);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static String passport(String surname, String given, String number) {
        return MrzWriter.td3("RUS", surname, given, number, "RUS", LocalDate.of(1971, 3, 5), "M", LocalDate.of(2030, 1, 1), null);
    }

    @Test
    void onlySupervisorsLoadListsAndABadFileLeavesTheListAsItWas() {
        assertThat(api.send("PUT", "/api/watchlists/alerts?format=csv", "officer.a", ALERTS_CSV).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = api.send("PUT", "/api/watchlists/alerts?format=csv", "supervisor.a", "nonsense,columns\n1,2\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode lists = api.expect(200, "GET", "/api/watchlists", "analyst", null);
        assertThat(lists.get(0).path("persons").asInt()).as("the earlier import stands").isEqualTo(2);
    }

    @Test
    void aListedTravellerIsReferredWithTheHitExplained() {
        JsonNode recorded = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("ENTRY", "POST-A", passport("IVANOV", "SERGEI", "RU1111111")));
        assertThat(recorded.at("/crossing/decision").asText()).isEqualTo("REFER");
        assertThat(recorded.at("/crossing/reasons/0/code").asText()).isEqualTo("watchlist-hit");
        JsonNode hit = recorded.at("/hits/0");
        assertThat(hit.path("entryId").asText()).isEqualTo("W1");
        assertThat(hit.path("explanation").asText()).contains("Иванов");
    }

    @Test
    void aClearedFalseAlertDoesNotStopTheSameTravellerAgain() {
        String mrz = passport("HADDAD", "OMAR", "RU2222222");
        JsonNode first = api.expect(201, "POST", "/api/crossings", "officer.a", ApiCalls.crossing("ENTRY", "POST-A", mrz));
        long crossing = first.at("/crossing/id").asLong();
        long hit = first.at("/hits/0/id").asLong();
        assertThat(first.at("/crossing/decision").asText()).isEqualTo("REFER");

        assertThat(api.send("POST", "/api/crossings/" + crossing + "/hits/" + hit + "/disposition", "officer.b",
                Map.of("outcome", "FALSE_ALERT", "reason", "x")).statusCode())
                .as("another post's officer cannot see the crossing").isEqualTo(404);
        JsonNode cleared = api.expect(200, "POST", "/api/crossings/" + crossing + "/hits/" + hit + "/disposition",
                "officer.a", Map.of("outcome", "FALSE_ALERT", "reason", "different person: photo and birthplace differ"));
        assertThat(cleared.at("/disposition/outcome").asText()).isEqualTo("FALSE_ALERT");

        Map<String, Object> exit = ApiCalls.crossing("EXIT", "POST-A", mrz);
        JsonNode second = api.expect(201, "POST", "/api/crossings", "officer.a", exit);
        assertThat(second.at("/crossing/decision").asText()).as("the cleared entry is remembered for this person")
                .isEqualTo("ADMIT");
        assertThat(second.at("/hits/0/suppression/note").asText())
                .as("the hit is still shown, with the clearance that suppressed it").startsWith("suppressed by officer.a on");

        JsonNode log = api.expect(200, "GET", "/api/access-log?limit=50", "admin", null);
        assertThat(log.toString()).contains("hit.false_alert");
    }

    @Test
    void aStolenPassportIsCaughtAtTheGate() {
        String csv = "type,id,name,documentNumber,issuingState,documentType,status,reportedOn\n"
                + "document,S1,,RU3333333,RUS,P,STOLEN,2025-06-01\n";
        api.expect(200, "PUT", "/api/watchlists/stolen?format=csv", "supervisor.a", csv);
        JsonNode recorded = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("ENTRY", "POST-A", passport("PETROV", "PAVEL", "RU3333333")));
        assertThat(recorded.at("/crossing/reasons/0/code").asText()).isEqualTo("document-listed");
        assertThat(recorded.at("/hits/0/explanation").asText()).contains("STOLEN");
    }

    @Test
    void officersScreenANameDirectly() {
        JsonNode hits = api.expect(200, "POST", "/api/screen", "officer.a", Map.of("name", "OMAR HADDAD"));
        assertThat(hits.get(0).path("entryId").asText()).isEqualTo("W2");
        assertThat(api.send("POST", "/api/screen", "analyst", Map.of("name", "OMAR HADDAD")).statusCode()).isEqualTo(403);
    }
}

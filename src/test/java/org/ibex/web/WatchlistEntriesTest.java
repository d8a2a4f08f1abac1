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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/watchlists/{id}/entries}: those who answer for a list read its entries, paged and searched by
 * name. Supervisors read the national lists and their own post's, list managers the national ones, analysts all;
 * another post's list reads as missing, and every read is in the access log.
 */
class WatchlistEntriesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithThreeLists() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        String national = "id,name\n" + IntStream.rangeClosed(1, 7).mapToObj(i -> "NA-" + i + "," + SURNAMES[i - 1]
                + " Ivan\n").collect(Collectors.joining());
        api.expect(200, "PUT", "/api/watchlists/national-alerts?format=csv&owner=National%20police", "list.manager",
                national);
        api.expect(200, "PUT", "/api/watchlists/lost-stolen?format=csv&owner=Passport%20office", "list.manager",
                "type,id,documentNumber,issuingState,status\ndocument,LS-1,AB1234567,FRA,STOLEN\ndocument,LS-2,CD7654321,DEU,LOST\n");
        api.expect(200, "PUT", "/api/watchlists/airport-alerts?format=csv", "supervisor.a", "id,name\nAA-1,Haddad Omar\n");
    }

    private static final String[] SURNAMES = {"Kuznetsov", "Smirnov", "Popov", "Vasiliev", "Petrov", "Sokolov",
            "Mikhailov"};

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static int status(String list, String user) {
        return api.send("GET", "/api/watchlists/" + list + "/entries", user, null).statusCode();
    }

    @Test
    void eachReaderSeesTheListsTheyAnswerForAndAnotherPostsListReadsAsMissing() {
        assertThat(status("national-alerts", "supervisor.b")).as("national lists screen every post").isEqualTo(200);
        assertThat(status("airport-alerts", "supervisor.a")).as("their own post's list").isEqualTo(200);
        assertThat(status("airport-alerts", "supervisor.b")).as("another post's list is not theirs to know").isEqualTo(404);
        assertThat(status("national-alerts", "list.manager")).isEqualTo(200);
        assertThat(status("airport-alerts", "list.manager")).as("list managers keep the national lists").isEqualTo(404);
        assertThat(status("airport-alerts", "analyst")).as("analysts read all").isEqualTo(200);
        assertThat(status("airport-alerts", "officer.a")).as("officers screen; they do not browse lists").isEqualTo(403);
        assertThat(status("no-such-list", "analyst")).isEqualTo(404);
        HttpResponse<String> missing = api.send("GET", "/api/watchlists/airport-alerts/entries", "supervisor.b", null);
        assertThat(missing.body()).as("the same answer as a list that does not exist").contains("no watchlist 'airport-alerts'");
    }

    @Test
    void entriesArePagedInIdOrderAndTheNextLinkLeadsThroughAll() {
        List<String> ids = new ArrayList<>();
        String next = "/api/watchlists/national-alerts/entries?limit=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.expect(200, "GET", next, "supervisor.a", null);
            assertThat(page.at("/list/id").asText()).isEqualTo("national-alerts");
            page.path("entries").forEach(e -> ids.add(e.path("entryId").asText()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        }
        assertThat(ids).containsExactly("NA-1", "NA-2", "NA-3", "NA-4", "NA-5", "NA-6", "NA-7");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void searchByPartOfANameInAnyCase() {
        JsonNode found = api.expect(200, "GET", "/api/watchlists/national-alerts/entries?name=petr", "supervisor.a", null);

        assertThat(found.path("entries").findValuesAsText("entryId")).containsExactly("NA-5");
        assertThat(found.at("/entries/0/names/0").asText()).isEqualTo("Petrov Ivan");
        assertThat(api.expect(200, "GET", "/api/watchlists/national-alerts/entries?name=%25", "supervisor.a", null)
                .path("entries").size()).as("a % is a character searched for, not a wildcard").isZero();
    }

    @Test
    void documentEntriesAreReadWithKindDocumentAndSearchedByNumber() {
        JsonNode found = api.expect(200, "GET", "/api/watchlists/lost-stolen/entries?kind=document&number=cd-765",
                "supervisor.b", null);

        assertThat(found.path("kind").asText()).isEqualTo("document");
        assertThat(found.path("entries").findValuesAsText("entryId")).containsExactly("LS-2");
        assertThat(found.at("/entries/0/status").asText()).isEqualTo("LOST");
        HttpResponse<String> bad = api.send("GET", "/api/watchlists/lost-stolen/entries?kind=vehicle", "analyst", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(bad).path("field").asText()).isEqualTo("kind");
    }

    @Test
    void everyReadIsInTheAccessLogWithWhatWasSearched() {
        api.expect(200, "GET", "/api/watchlists/national-alerts/entries?name=smirnov", "supervisor.b", null);

        JsonNode entry = api.expect(200, "GET", "/api/access-log?limit=50", "admin", null).findParents("action").stream()
                .filter(e -> e.path("action").asText().equals("watchlist.entries.read")
                        && e.path("actor").asText().equals("supervisor.b")
                        && e.path("subject").asText().contains("smirnov"))
                .findFirst().orElseThrow(() -> new AssertionError("the read is not logged"));
        assertThat(entry.path("subject").asText()).contains("list/national-alerts").contains("count=1");
    }
}

package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overstayers as a supervisor works them: each with the document they last crossed on and the post they entered
 * at, paged by offset and limit with a next link, and exported as CSV (UTF-8, header, RFC 4180) for a spreadsheet.
 */
class OverstayerExportTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithFiveOverstayers() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        // Entered 100..104 days ago: 11..15 days over the 90 of the default rule, the longest first.
        for (int i = 0; i < 4; i++) {
            enter("supervisor.a", "POST-A", 100 + i, "OVER" + (char) ('A' + i), "OA100000" + i);
        }
        enter("supervisor.b", "POST-B", 110, "FARAWAY", "FB1000000");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static void enter(String supervisor, String post, int daysAgo, String surname, String number) {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", post, ApiCalls.passport(surname, number));
        body.put("occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString());
        body.put("lateReason", "entered from the paper log");
        api.expect(201, "POST", "/api/crossings", supervisor, body);
    }

    @Test
    void eachOverstayerCarriesTheLastDocumentAndThePostOfEntry() {
        JsonNode all = api.expect(200, "GET", "/api/overstayers", "analyst", null);

        assertThat(all.size()).isEqualTo(5);
        JsonNode first = all.get(0);
        assertThat(first.at("/person/surname").asText()).as("the longest overstay first").isEqualTo("FARAWAY");
        assertThat(first.at("/document/number").asText()).isEqualTo("FB1000000");
        assertThat(first.at("/document/issuingState").asText()).isEqualTo("FRA");
        assertThat(first.path("entryPost").asText()).isEqualTo("POST-B");
        assertThat(first.at("/status/overstayDays").asInt()).as("the old shape is still there").isEqualTo(21);
    }

    @Test
    void pagesFollowTheNextLinkAndASupervisorPagesOnlyTheirPost() {
        List<String> surnames = new ArrayList<>();
        String next = "/api/overstayers?limit=2";
        while (next != null) {
            HttpResponse<String> response = api.send("GET", next, "supervisor.a", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiCalls.json(response).size()).isLessThanOrEqualTo(2);
            ApiCalls.json(response).forEach(o -> surnames.add(o.at("/person/surname").asText()));
            next = response.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
        }
        assertThat(surnames).as("POST-A's four, longest first, none twice, POST-B's never")
                .containsExactly("OVERD", "OVERC", "OVERB", "OVERA");
    }

    @Test
    void csvExportHasAHeaderAndARowPerOverstayerByFormatOrAcceptHeader() {
        HttpResponse<String> byFormat = api.send("GET", "/api/overstayers?format=csv", "supervisor.a", null);
        HttpResponse<String> byAccept = api.send("GET", "/api/overstayers", "supervisor.a", null, "Accept", "text/csv");

        for (HttpResponse<String> response : List.of(byFormat, byAccept)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/csv").containsIgnoringCase("charset=utf-8");
            List<String> lines = response.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("personId,surname,givenNames,nationality,dateOfBirth,sex,documentCode,"
                    + "documentNumber,issuingState,documentExpiry,entryPost,entered,stayEndsOn,overstayDays,daysUsed,rule");
            assertThat(lines).as("a header and POST-A's four").hasSize(5);
            assertThat(lines.get(1)).contains(",OVERD,JEAN,FRA,1980-05-17,M,P,OA1000003,FRA,2031-01-31,POST-A,")
                    .contains(",14,");
            assertThat(response.body()).as("RFC 4180 line ends").contains("\r\n");
        }
        assertThat(api.send("GET", "/api/overstayers?format=xls", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/overstayers?offset=-1", "analyst", null).statusCode()).isEqualTo(400);
    }
}

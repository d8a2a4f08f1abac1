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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/overstay-alerts}: analysts and admins see every alert, a supervisor those of travellers who crossed
 * at their post, officers none; open and withdrawn alerts each with person, days, rule, times and reason; paged by
 * {@code before}; bad parameters answered with the field and the rule.
 */
class OverstayAlertApiTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:15:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithAlerts() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        for (int i = 0; i < 3; i++) {
            cross("supervisor.a", "ENTRY", "POST-A", 100 + i, "ALERTA" + (char) ('A' + i), "AA100000" + i);
        }
        cross("supervisor.b", "ENTRY", "POST-B", 110, "ALERTB", "AB1000000");
        node.services.stays().alerts().sweep(LocalDate.ofInstant(NOW, ZoneOffset.UTC));
        // The land post's paper log: ALERTAA left 95 days ago, within the 90 days.
        cross("supervisor.b", "EXIT", "POST-B", 95, "ALERTAA", "AA1000000");
        node.services.stays().alerts().sweep(LocalDate.ofInstant(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static void cross(String supervisor, String direction, String post, int daysAgo, String surname,
                              String number) {
        Map<String, Object> body = ApiCalls.crossing(direction, post, ApiCalls.passport(surname, number));
        body.put("occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString());
        body.put("lateReason", "entered from the paper log");
        api.expect(201, "POST", "/api/crossings", supervisor, body);
    }

    @Test
    void anAnalystSeesOpenAlertsWithPersonDaysAndRule() {
        JsonNode open = api.expect(200, "GET", "/api/overstay-alerts", "analyst", null);

        assertThat(surnames(open)).as("open by default, newest first").containsExactly("ALERTB", "ALERTAC", "ALERTAB");
        JsonNode b = open.get(0);
        assertThat(b.path("state").asText()).isEqualTo("open");
        assertThat(b.path("overstayDays").asInt()).isEqualTo(21);
        assertThat(b.path("rule").asText()).isNotBlank();
        assertThat(b.path("entryPost").asText()).isEqualTo("POST-B");
        assertThat(b.path("raisedAt").asText()).isEqualTo(NOW.toString());
        assertThat(b.path("withdrawnAt").isNull()).isTrue();
    }

    @Test
    void aWithdrawnAlertCarriesTheReason() {
        JsonNode withdrawn = api.expect(200, "GET", "/api/overstay-alerts?state=withdrawn", "admin", null);

        assertThat(surnames(withdrawn)).containsExactly("ALERTAA");
        assertThat(withdrawn.get(0).path("withdrawnReason").asText())
                .startsWith("exit recorded at POST-B on 2026-09-02 ")
                .contains("recorded late").endsWith("the stay ended 84 days within the limit");
        assertThat(withdrawn.get(0).at("/withdrawnBy/crossing").asLong()).isPositive();
        assertThat(surnames(api.expect(200, "GET", "/api/overstay-alerts?state=all", "analyst", null))).hasSize(4);
    }

    @Test
    void aSupervisorSeesTheAlertsOfTravellersWhoCrossedAtTheirPostOnly() {
        assertThat(surnames(api.expect(200, "GET", "/api/overstay-alerts?state=all", "supervisor.a", null)))
                .containsExactlyInAnyOrder("ALERTAA", "ALERTAB", "ALERTAC");
        assertThat(surnames(api.expect(200, "GET", "/api/overstay-alerts?state=all", "supervisor.b", null)))
                .as("ALERTAA left through POST-B, so its supervisor sees that alert too")
                .containsExactlyInAnyOrder("ALERTB", "ALERTAA");
        assertThat(surnames(api.expect(200, "GET", "/api/overstay-alerts?post=POST-A", "supervisor.b", null)))
                .as("asking for another post's travellers does not widen the scope").isEmpty();
        assertThat(surnames(api.expect(200, "GET", "/api/overstay-alerts?post=POST-B", "analyst", null)))
                .containsExactly("ALERTB");
        assertThat(api.send("GET", "/api/overstay-alerts", "officer.a", null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/overstay-alerts", "list.manager", null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/overstay-alerts", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesFollowTheNextLink() {
        List<String> seen = new ArrayList<>();
        String next = "/api/overstay-alerts?state=all&limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = api.send("GET", next, "analyst", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            seen.addAll(surnames(ApiCalls.json(response)));
            next = response.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).as("every alert once, newest first")
                .containsExactly("ALERTB", "ALERTAC", "ALERTAB", "ALERTAA");
    }

    @Test
    void badParametersAreAnsweredWithTheFieldAndTheRule() {
        for (String[] bad : new String[][]{{"state=closed", "state"}, {"limit=0", "limit"}, {"limit=x", "limit"},
                {"before=-3", "before"}, {"before=abc", "before"}, {"post=%3Cscript%3E", "post"},
                {"post=" + "P".repeat(41), "post"}}) {
            HttpResponse<String> response = api.send("GET", "/api/overstay-alerts?" + bad[0], "analyst", null);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(ApiCalls.json(response).path("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(response.body()).as(bad[0]).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void readingAlertsIsInTheAccessLog() {
        api.expect(200, "GET", "/api/overstay-alerts?state=open", "supervisor.a", null);

        assertThat(node.services.accessLog().recent("overstay-alerts.", 5)).anySatisfy(e -> {
            assertThat(e.access().actor()).isEqualTo("supervisor.a");
            assertThat(e.access().subject()).contains("state=open");
        });
        assertThat(node.services.accessLog().recent("overstay-alert.", 10)).extracting(e -> e.access().action())
                .contains("overstay-alert.raise", "overstay-alert.withdraw");
    }

    private static List<String> surnames(JsonNode alerts) {
        List<String> out = new ArrayList<>();
        alerts.forEach(a -> out.add(a.at("/person/surname").asText()));
        return out;
    }
}

package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Border-flow statistics over HTTP, as an analyst, a supervisor and an officer ask for them: counts that follow the
 * crossings recorded a moment before (late ones too), a supervisor held to their post, CSV for a spreadsheet, and
 * a clear 400 naming the field for every malformed question.
 */
class StatsApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithCrossingsAtTwoPosts() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("supervisor.b", org.ibex.access.Role.SUPERVISOR, "POST-B");
        cross("supervisor.a", "ENTRY", "POST-A", 40, "ALPHA", "AA1000001", LocalDate.of(1980, 5, 17));
        cross("supervisor.a", "ENTRY", "POST-A", 40, "BRAVO", "AA1000002", LocalDate.of(2019, 1, 2));
        cross("supervisor.a", "EXIT", "POST-A", 3, "ALPHA", "AA1000001", LocalDate.of(1980, 5, 17));
        cross("supervisor.b", "ENTRY", "POST-B", 3, "CHARLIE", "BB1000001", LocalDate.of(1950, 3, 3));
        api.enter("officer.a", "POST-A", ApiCalls.passport("DELTA", "AA1000003"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static void cross(String who, String direction, String post, int daysAgo, String surname, String number,
                              LocalDate birth) {
        Map<String, Object> body = ApiCalls.crossing(direction, post, ApiCalls.passport(surname, number, birth,
                LocalDate.of(2031, 1, 31)));
        body.put("occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString());
        body.put("lateReason", "entered from the paper log");
        api.expect(201, "POST", "/api/crossings", who, body);
    }

    @Test
    void anAnalystCountsEveryPostAndASupervisorOnlyTheirs() {
        JsonNode all = api.expect(200, "GET", "/api/stats/crossings?by=post,direction", "analyst", null);
        assertThat(all.path("total").asLong()).isEqualTo(5);
        assertThat(all.path("rows").toString()).contains("{\"post\":\"POST-A\",\"direction\":\"ENTRY\",\"crossings\":3}",
                "{\"post\":\"POST-A\",\"direction\":\"EXIT\",\"crossings\":1}",
                "{\"post\":\"POST-B\",\"direction\":\"ENTRY\",\"crossings\":1}");

        JsonNode own = api.expect(200, "GET", "/api/stats/crossings?by=post", "supervisor.a", null);
        assertThat(own.path("rows").toString()).isEqualTo("[{\"post\":\"POST-A\",\"crossings\":4}]");
        api.expect(403, "GET", "/api/stats/crossings?by=post&post=POST-B", "supervisor.a", null);
        api.expect(403, "GET", "/api/stats/crossings", "officer.a", null);
        api.expect(403, "GET", "/api/stats/posts", "officer.b", null);
    }

    @Test
    void breakdownsByAgeBandAndNationalityCountWholeMonths() {
        JsonNode bands = api.expect(200, "GET", "/api/stats/crossings?by=age-band,nationality"
                + "&from=2026-01-01&to=2026-11-30", "analyst", null);
        assertThat(bands.path("rows").toString()).contains("{\"age-band\":\"18-59\",\"nationality\":\"FRA\",\"crossings\":3}",
                "{\"age-band\":\"5-17\",\"nationality\":\"FRA\",\"crossings\":1}",
                "{\"age-band\":\"60+\",\"nationality\":\"FRA\",\"crossings\":1}");
        JsonNode refused = api.expect(400, "GET", "/api/stats/crossings?by=nationality&from=2026-01-15"
                + "&to=2026-11-30", "analyst", null);
        assertThat(refused.toString()).contains("from", "first day of a month");
    }

    @Test
    void netFlowCorridorsPostsAndOverstaysFollowTheCrossings() {
        JsonNode net = api.expect(200, "GET", "/api/stats/net-flow?period=month&from=2026-10-01&to=2026-11-30",
                "analyst", null);
        assertThat(net.path("rows").toString()).isEqualTo("[{\"period\":\"2026-10\",\"entries\":2,\"exits\":0,"
                + "\"net\":2},{\"period\":\"2026-11\",\"entries\":2,\"exits\":1,\"net\":1}]");
        JsonNode weeks = api.expect(200, "GET", "/api/stats/net-flow?period=week&from=2026-11-16&to=2026-11-24",
                "analyst", null);
        assertThat(weeks.path("rows").get(0).path("period").asText()).isEqualTo("2026-W47");
        JsonNode corridors = api.expect(200, "GET", "/api/stats/corridors", "analyst", null);
        assertThat(corridors.path("rows").get(0).toString())
                .isEqualTo("{\"nationality\":\"FRA\",\"post\":\"POST-A\",\"entries\":3,\"exits\":1}");
        JsonNode posts = api.expect(200, "GET", "/api/stats/posts", "supervisor.b", null);
        assertThat(posts.path("rows").size()).isEqualTo(1);
        assertThat(posts.path("rows").get(0).path("entries").asLong()).isEqualTo(1);
        JsonNode overstays = api.expect(200, "GET", "/api/stats/overstays?asOf=2026-11-24", "analyst", null);
        assertThat(overstays.path("rows")).isNotNull();
    }

    @Test
    void csvHasAHeaderAndOneRowPerCombination() {
        HttpResponse<String> csv = api.send("GET", "/api/stats/net-flow?period=month&from=2026-10-01&to=2026-11-30"
                + "&format=csv", "analyst", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("period,entries,exits,net\r\n2026-10,2,0,2\r\n2026-11,2,1,1\r\n");
    }

    @Test
    void aTableUnderDisclosureControlHidesSmallCellsAndIsLogged() {
        JsonNode table = api.expect(200, "GET", "/api/stats/crossings?by=post,direction&disclosure-control=true"
                + "&threshold=3", "analyst", null);
        assertThat(table.path("rows").toString()).isEqualTo("[\"POST-A\",\"POST-B\"]");
        assertThat(table.path("columns").toString()).isEqualTo("[\"ENTRY\",\"EXIT\"]");
        assertThat(table.path("cells").toString()).as("POST-A's 1 exit and POST-B's 1 entry are hidden; published"
                + " margins would give POST-A's 3 entries away, so they go too; a true zero stays")
                .isEqualTo("[[null,null],[null,0]]");
        assertThat(table.path("suppressed").asInt()).isPositive();
        assertThat(table.path("total").asLong()).isEqualTo(5);
        api.expect(400, "GET", "/api/stats/crossings?by=post&disclosure-control=true", "analyst", null);
        api.expect(400, "GET", "/api/stats/crossings?by=post,sex&disclosure-control=true&threshold=2"
                + "&from=2026-01-01&to=2026-11-30", "analyst", null);
        assertThat(node.services.accessLog().recent(20)).anyMatch(e -> e.access().action().equals("stats.export")
                && e.access().subject().contains("crossings by post,direction"));
    }

    @Test
    void malformedQuestionsAreRefusedNamingTheField() {
        Map<String, String> refusals = Map.of(
                "/api/stats/crossings?by=colour", "by",
                "/api/stats/crossings?by=day,month", "by",
                "/api/stats/crossings?by=post,post", "by",
                "/api/stats/crossings?from=2026-05-01&to=2026-04-01", "to",
                "/api/stats/crossings?from=yesterday", "from",
                "/api/stats/crossings?nationality=%3Cscript%3E", "nationality",
                "/api/stats/crossings?age-band=old", "age-band",
                "/api/stats/crossings?by=day,sex", "by",
                "/api/stats/net-flow?period=post", "period",
                "/api/stats/crossings?format=xml", "format");
        refusals.forEach((path, field) -> {
            JsonNode error = api.expect(400, "GET", path, "analyst", null);
            assertThat(error.toString()).as(path).contains("\"" + field + "\"");
        });
    }
}

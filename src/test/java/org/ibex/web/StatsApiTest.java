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
    void staysAreCountedByLengthAndNationalityForTheExitsPost() {
        JsonNode stays = api.expect(200, "GET", "/api/stats/stays?by=length,nationality&from=2026-01-01"
                + "&to=2026-11-30", "analyst", null);
        assertThat(stays.path("rows").toString()).as("ALPHA entered 40 days ago and left 3 days ago: 37 days")
                .isEqualTo("[{\"length\":\"31-90\",\"nationality\":\"FRA\",\"stays\":1}]");
        assertThat(stays.path("total").asLong()).isEqualTo(1);
        JsonNode own = api.expect(200, "GET", "/api/stats/stays?by=purpose,post", "supervisor.a", null);
        assertThat(own.path("rows").toString()).isEqualTo("[{\"purpose\":\"none\",\"post\":\"POST-A\",\"stays\":1}]");
        JsonNode other = api.expect(200, "GET", "/api/stats/stays", "supervisor.b", null);
        assertThat(other.path("total").asLong()).as("no stay ended at POST-B").isZero();
        HttpResponse<String> csv = api.send("GET", "/api/stats/stays?by=length&format=csv", "analyst", null);
        assertThat(csv.body()).isEqualTo("length,stays\r\n31-90,1\r\n");
        api.expect(403, "GET", "/api/stats/stays", "officer.a", null);
        assertThat(api.expect(400, "GET", "/api/stats/stays?by=sex", "analyst", null).toString()).contains("\"by\"");
        assertThat(api.expect(400, "GET", "/api/stats/stays?from=2026-01-02", "analyst", null).toString())
                .contains("\"from\"");
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
    void postsAreLocatedByAnAdministratorAndFlowMonitoringNamesTheirAreas() {
        JsonNode set = api.expect(200, "PUT", "/api/posts/POST-A/location", "admin", Map.of("latitude", -27.1,
                "longitude", 152.4, "areaPcode", "UT03", "areaName", "River Plain"));
        assertThat(set.path("areaPcode").asText()).isEqualTo("UT03");
        api.expect(403, "PUT", "/api/posts/POST-A/location", "supervisor.a", Map.of("latitude", 1, "longitude", 1));
        JsonNode wrong = api.expect(400, "PUT", "/api/posts/POST-B/location", "admin", Map.of("latitude", 91,
                "areaPcode", "<b>"));
        assertThat(wrong.toString()).contains("latitude", "areaPcode");
        api.expect(404, "PUT", "/api/posts/NOWHERE/location", "admin", Map.of("latitude", 1, "longitude", 1));

        JsonNode posts = api.expect(200, "GET", "/api/stats/posts", "analyst", null);
        assertThat(posts.path("rows").get(0).path("latitude").asDouble()).isEqualTo(-27.1);
        HttpResponse<String> csv = api.send("GET", "/api/stats/flow-monitoring?from=2026-10-01&to=2026-11-30"
                + "&threshold=3&admin0=UTO&admin0Name=Utopia&format=csv", "analyst", null);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        java.util.List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,"
                + "admin2Pcode,direction,origin,sex,ageBand,individuals,reportingDate,yearReportingDate,"
                + "monthReportingDate,roundNumber,assessmentType");
        assertThat(lines).anyMatch(l -> l.contains(",Border flow monitoring,Utopia,UTO,River Plain,UT03,,,ENTRY,FRA,M,"))
                .anyMatch(l -> l.contains(",UTO,,all,,,ENTRY,all,all,all,") && l.contains(",2026-11-30T00:00:00,2026,11,2,FMP"));
        assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)[12]).filter(v -> !v.isEmpty())
                .mapToLong(Long::parseLong)).as("no published figure is a small count").allMatch(v -> v == 0 || v >= 3);
        api.expect(400, "GET", "/api/stats/flow-monitoring?threshold=2", "analyst", null);
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

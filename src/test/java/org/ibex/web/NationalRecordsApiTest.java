package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/national/records}: headquarters' national store for admins and analysts (who belong to the whole
 * node), a page at a time; people of a post, this one or another, read none of it; every read logged; a post
 * answers where the store is kept.
 */
class NationalRecordsApiTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final String PASSWORD = "correct-horse-battery-staple-42";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static FederatedNodes nodes;
    private static Node hq;
    private static Node land;
    private static WebServer hqWeb;
    private static WebServer landWeb;

    @BeforeAll
    static void threeCrossingsAtThePostReachHeadquarters() throws Exception {
        nodes = new FederatedNodes(Files.createTempDirectory("national-api"), HQ, LAND);
        hq = nodes.open(HQ);
        land = nodes.open(LAND);
        land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
        Actor officer = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "test", "t");
        for (int i = 1; i <= 3; i++) {
            land.services.border().record(new CrossingRequest("u" + i, Direction.ENTRY, "UTO-LAND",
                    Instant.now().minusSeconds(600 - i * 60L), MrzWriter.td3("FRA", "LISTED", "ANNE", "NR00000" + i,
                    "FRA", LocalDate.of(1980 + i, 1, 1), "F", LocalDate.of(2031, 1, 1), null), null, null, null, null),
                    officer);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (count(hq, "SELECT COUNT(*) FROM national_record") < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        hq.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
        Actor operator = new Actor(new User("cli:test", Role.ADMIN, null), "set-up", "local");
        hq.services.accounts().createWithPassword(operator, "admin", "admin", null, PASSWORD);
        hq.services.accounts().createWithPassword(operator, "analyst", "analyst", null, PASSWORD);
        hq.services.accounts().createWithPassword(operator, "supervisor.land", "supervisor", "UTO-LAND", PASSWORD);
        hq.services.accounts().createWithPassword(operator, "officer.air", "officer", "UTO-AIR", PASSWORD);
        land.services.accounts().createWithPassword(operator, "admin", "admin", null, PASSWORD);
        hqWeb = WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), hq.services);
        landWeb = WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), land.services);
    }

    @AfterAll
    static void stop() {
        hqWeb.close();
        landWeb.close();
        nodes.close();
    }

    @Test
    void anAnalystPagesThroughEveryPostsRecordsNewestCaptureFirst() throws Exception {
        HttpResponse<String> first = get(hqWeb, "/api/national/records?limit=2", "analyst");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode page = ApiCalls.json(first);
        assertThat(page.path("headquarters").asText()).isEqualTo(HQ);
        assertThat(page.path("records")).hasSize(2);
        assertThat(page.at("/records/0/origin").asText()).isEqualTo(LAND);
        assertThat(page.at("/records/0/seq").asLong()).isEqualTo(3);
        assertThat(page.at("/records/0/kind").asText()).isEqualTo("crossing");
        assertThat(page.at("/records/0/postId").asText()).isEqualTo("UTO-LAND");
        assertThat(page.at("/records/0/outcome").asText()).startsWith("crossing/");
        assertThat(first.headers().firstValue("Link")).get().asString().contains("rel=\"next\"");

        JsonNode rest = ApiCalls.json(get(hqWeb, "/api/national/records?limit=2&before="
                + java.net.URLEncoder.encode(page.path("next").asText(), "UTF-8"), "analyst"));
        assertThat(rest.path("records")).hasSize(1);
        assertThat(rest.at("/records/0/seq").asLong()).isEqualTo(1);
        assertThat(rest.path("next").isNull()).isTrue();

        assertThat(ApiCalls.json(get(hqWeb, "/api/national/records?kind=crossing&post=UTO-LAND&origin=" + LAND
                + "&from=2020-01-01", "admin")).path("records")).hasSize(3);
        assertThat(ApiCalls.json(get(hqWeb, "/api/national/records?kind=enrolment", "admin")).path("records"))
                .isEmpty();
        assertThat(ApiCalls.json(get(hqWeb, "/api/national/records?to=2020-01-01", "admin")).path("records"))
                .isEmpty();
        assertThat(count(hq, "SELECT COUNT(*) FROM access_log WHERE action = 'national.records.read'"
                + " AND actor = 'analyst'")).isEqualTo(2);
    }

    @Test
    void peopleOfAPostReadNoNationalRecordsNotEvenTheirOwnPosts() throws Exception {
        assertThat(get(hqWeb, "/api/national/records?post=UTO-LAND", "supervisor.land").statusCode())
                .as("the supervisor of the post whose records they are").isEqualTo(403);
        assertThat(get(hqWeb, "/api/national/records?post=UTO-LAND", "officer.air").statusCode())
                .as("an officer of another post").isEqualTo(403);
        assertThat(get(hqWeb, "/api/national/records", null).statusCode()).isEqualTo(401);
        assertThat(count(hq, "SELECT COUNT(*) FROM access_log WHERE action = 'national.records.read'"
                + " AND actor IN ('supervisor.land', 'officer.air')")).isZero();
    }

    @Test
    void badParametersAreNamedWithTheirRule() throws Exception {
        expectBad("limit=0", "limit", "limit must be 1..1000");
        expectBad("limit=abc", "limit", "limit must be 1..1000");
        expectBad("origin=nobody", "origin", "origin must be a node id STATE/AGENCY/UNIT");
        expectBad("from=2026-13-01", "from", "from must be a date yyyy-MM-dd or an instant");
        expectBad("before=junk", "before", "before must be the 'next' token of a previous page");
        expectBad("kind=" + "k".repeat(101), "kind", "kind must be at most 100 characters");
    }

    @Test
    void aPostAnswersThatTheNationalStoreIsKeptAtItsHeadquarters() throws Exception {
        HttpResponse<String> response = get(landWeb, "/api/national/records", "admin");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(ApiCalls.json(response).path("error").asText()).isEqualTo("not-headquarters");
        assertThat(response.body()).contains("node UTO/IMM/POST-LAND is a post: the national store is kept at its"
                + " headquarters, UTO/IMM/HQ");
    }

    private static void expectBad(String query, String field, String message) throws Exception {
        HttpResponse<String> response = get(hqWeb, "/api/national/records?" + query, "admin");
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo(field);
        assertThat(response.body()).contains(message);
    }

    private static HttpResponse<String> get(WebServer server, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + TOKENS.computeIfAbsent(server.baseUrl() + " " + user,
                    k -> login(server, user)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(WebServer server, String user) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return ApiCalls.json(response).path("token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Node node, String sql) {
        return node.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}

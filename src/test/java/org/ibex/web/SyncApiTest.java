package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.ibex.sync.SyncSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/sync/status} over real HTTP: a post answers its view and headquarters its own, each to analysts
 * and admins; a supervisor sees their own post's node only; officers never; a node outside a federation says why.
 */
class SyncApiTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final String PASSWORD = "lantern quietly harbour 42";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aPostAndItsHeadquartersEachAnswerTheirViewToWhoMaySeeIt() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node land = nodes.openStopped(LAND);
            Node hq = nodes.openStopped(HQ);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            land.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
            hq.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            SyncSeeds seeds = new SyncSeeds(land);
            seeds.journal("UTO-LAND", Instant.now().minus(Duration.ofHours(2)));
            seeds.reference("watchlist:national", "watchlist", 4, Instant.now().minus(Duration.ofHours(30)),
                    Instant.now().plus(Duration.ofDays(3)), 10);
            user(land, "admin", Role.ADMIN, null);
            user(land, "sup.land", Role.SUPERVISOR, "UTO-LAND");
            user(land, "sup.air", Role.SUPERVISOR, "UTO-AIR");
            user(land, "officer.land", Role.OFFICER, "UTO-LAND");
            user(hq, "analyst", Role.ANALYST, null);
            user(hq, "sup.hq", Role.SUPERVISOR, "UTO-LAND");
            try (WebServer post = serve(land); WebServer center = serve(hq)) {
                HttpResponse<String> asAdmin = get(post, login(post, "admin"));
                assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
                JsonNode view = ApiCalls.JSON.readTree(asAdmin.body());
                assertThat(view.path("role").asText()).isEqualTo("post");
                assertThat(view.path("headquarters").asText()).isEqualTo(HQ);
                assertThat(view.path("unqueuedRecords").asLong()).isEqualTo(1);
                assertThat(view.path("lastContact").isNull()).isTrue();
                assertThat(view.path("references").get(0).path("staleReason").asText()).isEqualTo("too-old");

                HttpResponse<String> ownPost = get(post, login(post, "sup.land"));
                assertThat(ownPost.statusCode()).as(ownPost.body()).isEqualTo(200);
                HttpResponse<String> otherPost = get(post, login(post, "sup.air"));
                assertThat(otherPost.statusCode()).as("a supervisor of another post").isEqualTo(403);
                assertThat(otherPost.body()).contains("forbidden", "UTO-AIR");
                assertThat(get(post, login(post, "officer.land")).statusCode()).isEqualTo(403);
                assertThat(get(post, null).statusCode()).isEqualTo(401);

                HttpResponse<String> asAnalyst = get(center, login(center, "analyst"));
                assertThat(asAnalyst.statusCode()).as(asAnalyst.body()).isEqualTo(200);
                JsonNode hqView = ApiCalls.JSON.readTree(asAnalyst.body());
                assertThat(hqView.path("role").asText()).isEqualTo("headquarters");
                assertThat(hqView.path("posts").get(0).path("node").asText()).isEqualTo(LAND);
                assertThat(hqView.path("posts").get(0).path("staleReason").asText()).isEqualTo("never-heard");
                HttpResponse<String> supervisorAtHq = get(center, login(center, "sup.hq"));
                assertThat(supervisorAtHq.statusCode()).as("headquarters' view of every post").isEqualTo(403);
            }
        }
    }

    @Test
    void aNodeOutsideAFederationAnswersAClearConflict() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            HttpResponse<String> response = api.send("GET", "/api/sync/status", "admin", null);
            assertThat(response.statusCode()).isEqualTo(409);
            JsonNode error = ApiCalls.JSON.readTree(response.body());
            assertThat(error.path("error").asText()).isEqualTo("not-federated");
            assertThat(error.toString()).contains("exchange join").doesNotContain("Exception", "\\tat ");
            assertThat(api.send("GET", "/api/sync/status", "officer.a", null).statusCode()).isEqualTo(403);
            assertThat(api.send("GET", "/api/sync/status", "list.manager", null).statusCode()).isEqualTo(403);
        }
    }

    private static void user(Node node, String name, Role role, String post) {
        node.services.accounts().createWithPassword(OPERATOR, name, role.label(), post, PASSWORD);
    }

    private static WebServer serve(Node node) {
        return WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), node.services);
    }

    private String login(WebServer server, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiCalls.JSON.readTree(response.body()).path("token").asText();
    }

    private HttpResponse<String> get(WebServer server, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/sync/status"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

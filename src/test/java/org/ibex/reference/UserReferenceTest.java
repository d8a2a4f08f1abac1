package org.ibex.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.Actor;
import org.ibex.access.PasswordHasher;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.delivery.ExchangeNode;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.ibex.trust.NodeIdentity;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.reference.ReferenceDataTest.await;
import static org.ibex.reference.ReferenceDataTest.count;
import static org.ibex.reference.ReferenceDataTest.execute;
import static org.ibex.reference.ReferenceDataTest.outcomes;
import static org.ibex.reference.ReferenceDataTest.version;

/**
 * Headquarters manages the officers and supervisors of the border posts each post node reports, and sends them to
 * that node as a {@code users} snapshot: an officer created at headquarters logs in at the post, offline from
 * headquarters afterwards; disabling at headquarters disables at the post; accounts made at the post stay its own.
 */
class UserReferenceTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    /** A node of another agency of the same state: not this headquarters, not one of its posts. */
    private static final String POLICE = "UTO/POL/POST-SEA";
    private static final String PASSWORD = "correct-horse-battery-staple-42";
    private static final String LOCAL_PASSWORD = "the post's own secret 7";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "set-up", "local");
    private static final Actor HQ_ADMIN = new Actor(new User("admin.hq", Role.ADMIN, null), "accounts", "test");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void anOfficerCreatedAtHeadquartersLogsInAtThePostOfflineAndIsDisabledThereWhenHeadquartersDisablesThem()
            throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            land.services.accounts().createWithPassword(OPERATOR, "officer.local", "officer", "UTO-LAND",
                    LOCAL_PASSWORD);
            // Headquarters' accounts exist before it learns which node reports UTO-LAND (its first crossing).
            hq.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            hq.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
            hq.services.accounts().createWithPassword(OPERATOR, "officer.ana", "officer", "UTO-LAND", PASSWORD);
            hq.services.accounts().createWithPassword(OPERATOR, "officer.local", "supervisor", "UTO-LAND", PASSWORD);
            hq.services.accounts().createWithPassword(OPERATOR, "officer.air", "officer", "UTO-AIR", PASSWORD);
            hq.services.accounts().createWithPassword(OPERATOR, "analyst.hq", "analyst", null, PASSWORD);
            hq.services.accounts().createWithPassword(OPERATOR, "admin.hq", "admin", null, PASSWORD);
            crossing(land);
            await("headquarters knows the land node reports UTO-LAND", () -> count(hq,
                    "SELECT COUNT(*) FROM national_record WHERE post_id = 'UTO-LAND'") == 1);

            hq.reference.orElseThrow().publishNow();
            await("the land post holds headquarters' accounts", () -> land.services.users().find("officer.ana")
                    .isPresent());
            long first = version(land, ReferencePayload.USERS);
            assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).contains(
                    "users snapshot v" + first + ": accounts create=1, kept local officer.local");
            assertThat(land.reference.orElseThrow().copies()).filteredOn(c -> c.kind().equals("users"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.publisher()).isEqualTo(HQ);
                        assertThat(c.items()).as("officer.ana and officer.local travel").isEqualTo(2);
                    });
            assertThat(land.services.users().find("officer.air")).as("a post this node does not report").isEmpty();
            assertThat(land.services.users().find("analyst.hq")).as("national roles stay at headquarters").isEmpty();
            assertThat(count(land, "SELECT COUNT(*) FROM access_log WHERE action = 'user.create' AND actor = '" + HQ
                    + "' AND subject = 'user/officer.ana role=officer post=UTO-LAND'")).isEqualTo(1);

            nodes.close(hq); // headquarters is gone: the post works on what it holds
            try (WebServer web = WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), land.services)) {
                assertThat(login(web, "officer.ana", PASSWORD).statusCode()).isEqualTo(200);
                assertThat(login(web, "officer.local", LOCAL_PASSWORD).statusCode())
                        .as("the post's own account keeps its own password").isEqualTo(200);
                assertThat(login(web, "officer.local", PASSWORD).statusCode()).isEqualTo(401);
                assertThat(login(web, "analyst.hq", PASSWORD).statusCode()).isEqualTo(401);

                Node hqAgain = nodes.open(HQ);
                hqAgain.services.accounts().disable(HQ_ADMIN, "officer.ana");
                hqAgain.reference.orElseThrow().publishNow();
                await("the post holds the next version of its users", () -> version(land, "users") == first + 1);

                HttpResponse<String> refused = login(web, "officer.ana", PASSWORD);
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("account-disabled");
                assertThat(land.services.users().find("officer.ana").orElseThrow().disabled()).as("kept, disabled")
                        .isTrue();
                assertThat(login(web, "officer.local", LOCAL_PASSWORD).statusCode()).isEqualTo(200);
                assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).contains(
                        "users snapshot v" + (first + 1) + ": accounts disable=1, kept local officer.local");
                assertThat(count(land, "SELECT COUNT(*) FROM access_log WHERE action = 'user.disable' AND actor = '"
                        + HQ + "'")).isEqualTo(1);
            }
        }
    }

    @Test
    void anOldCopyOfTheAccountsIsListedButDoesNotWarnAtInspection() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            nodes.open(HQ);
            Node land = nodes.open(LAND);
            await("the first copies arrive", () -> version(land, ReferencePayload.STAY_RULES) >= 1
                    && version(land, ReferencePayload.USERS) >= 1);
            execute(land, "UPDATE reference_copy SET issued_at = ?", Instant.now().minus(Duration.ofHours(30)));
            CopyFreshness freshness = new CopyFreshness(land.database, new org.ibex.replication.FederationRoles(
                    land.exchange.orElseThrow().node(), () -> land.exchange.orElseThrow().membership().federation()
                    .directory().nodes(), null), Duration.ofHours(24));

            assertThat(land.reference.orElseThrow().copies()).extracting(ReferenceCopy::dataset)
                    .contains(ReferencePayload.USERS);
            assertThat(freshness.staleAt(Instant.now())).extracting(c -> c.dataset())
                    .containsExactly(ReferencePayload.STAY_RULES);
        }
    }

    @Test
    void aPostTakesAccountsFromItsHeadquartersOnlyAndOnlyWhenEveryItemReads() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND, POLICE)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            Node police = nodes.open(POLICE);
            await("the post holds its first users copy", () -> version(land, ReferencePayload.USERS) >= 1);
            long held = version(land, ReferencePayload.USERS);
            long accounts = count(land, "SELECT COUNT(*) FROM user_account");
            ObjectNode forged = JsonNodeFactory.instance.objectNode();
            forged.put("username", "mallory").put("role", "officer").put("postId", "UTO-LAND")
                    .put("passwordHash", new PasswordHasher(8, 1, new SecureRandom()).hash("mallory's secret"))
                    .put("passwordSetAt", Instant.now().toString()).put("passwordChangeRequired", false)
                    .put("disabled", false).put("createdAt", Instant.now().toString()).putObject("post")
                    .put("name", "Land post").put("kind", "LAND").put("zone", "Europe/Vilnius");
            ObjectNode unknownRole = forged.deepCopy().put("username", "root").put("role", "root");

            send(police, LAND, ReferencePayload.SNAPSHOT, users(held + 1, null, forged));
            send(hq, LAND, ReferencePayload.SNAPSHOT, users(held + 1, null, forged.deepCopy(), unknownRole));
            send(hq, LAND, ReferencePayload.DELTA, users(held + 1, held, forged));

            await("the post answered all three", () -> outcomes(land, ReferencePayload.SNAPSHOT).stream()
                    .filter(o -> o.startsWith("refused")).count() + outcomes(land, ReferencePayload.DELTA).size() >= 3);
            assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).contains(
                    "refused: " + POLICE + " is not the headquarters of " + LAND,
                    "refused: reference payload: users[1].role must be one of officer, supervisor, analyst, admin,"
                            + " list-manager (got 'root')");
            assertThat(outcomes(land, ReferencePayload.DELTA)).contains("refused: users travel as snapshots only");
            assertThat(land.services.users().find("mallory")).isEmpty();
            assertThat(count(land, "SELECT COUNT(*) FROM user_account")).isEqualTo(accounts);
            assertThat(count(land, "SELECT COUNT(*) FROM post")).as("no post made for a refused set").isZero();
            assertThat(version(land, ReferencePayload.USERS)).isEqualTo(held);
        }
    }

    private static byte[] users(long version, Long base, ObjectNode... items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode item : items) {
            array.add(item);
        }
        return new ReferencePayload(ReferencePayload.USERS, ReferencePayload.USERS, version, base, Instant.now(),
                Instant.now().plusSeconds(3600), items.length, JsonNodeFactory.instance.objectNode(), array, List.of())
                .encode();
    }

    private static void send(Node from, String to, String type, byte[] payload) {
        ExchangeNode exchange = from.exchange.orElseThrow();
        exchange.send(exchange.message(NodeIdentity.parse(to), type, "test", ReferencePayload.CONTENT_TYPE, payload));
    }

    private static void crossing(Node land) {
        Actor officer = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "inspection", "test");
        land.services.border().record(new CrossingRequest("u-users-1", Direction.ENTRY, "UTO-LAND",
                Instant.now().minusSeconds(60), MrzWriter.td3("FRA", "TRAVELLER", "JEANNE", "US0000001", "FRA",
                LocalDate.of(1980, 5, 17), "F", LocalDate.of(2031, 1, 1), null), null, null, null, null), officer);
    }

    private static HttpResponse<String> login(WebServer web, String user, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

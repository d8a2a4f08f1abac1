package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementDraft;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.Party;
import org.ibex.agreement.SignedAgreement;
import org.ibex.border.Post;
import org.ibex.delivery.TestFederation;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.ibex.store.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreements API on a federated immigration node over real HTTP: install signed files (admin), list them with
 * signers and quota used, revoke; every refusal a clear JSON answer naming the field, never a stack trace.
 */
class AgreementApiTest {
    private static final String IMM = "UTO/IMM/HQ";
    private static final String POL = "UTO/POL/HQ";
    private static final String PASSWORD = "lantern quietly harbour 42";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new HashMap<>();
    @TempDir
    static Path dir;
    private static FederatedNodes nodes;
    private static Node immigration;
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        nodes = new FederatedNodes(dir, IMM, POL);
        immigration = nodes.openStopped(IMM);
        immigration.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT,
                ZoneId.of("Europe/Vilnius")));
        user("admin", Role.ADMIN, null);
        user("analyst", Role.ANALYST, null);
        user("sup.air", Role.SUPERVISOR, "UTO-AIR");
        user("officer.air", Role.OFFICER, "UTO-AIR");
        user("lists", Role.LIST_MANAGER, null);
        server = WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), immigration.services);
    }

    @AfterAll
    static void stop() {
        server.close();
        nodes.close();
    }

    private static void user(String name, Role role, String post) {
        immigration.services.accounts().createWithPassword(OPERATOR, name, role.label(), post, PASSWORD);
    }

    private static AgreementDraft draft(String id, int version, String title) {
        return new AgreementDraft(id, version, title, List.of(Party.parse("UTO/POL"), Party.parse("UTO/IMM")),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), List.of(AgreementDraft.rule(
                "asker=UTO/POL;answerer=UTO/IMM;queries=crossings;purposes=criminal-investigation;"
                        + "categories=hit,biographic;per-day=100;per-year=10000;retention-days=90;approval=false")));
    }

    private static String signed(AgreementDraft draft) throws Exception {
        TestFederation pki = nodes.pki();
        SignedAgreement byPolice = AgreementFile.sign(draft.read(), pki.node(POL));
        return new String(AgreementFile.write(AgreementFile.sign(byPolice, pki.node(IMM))), StandardCharsets.UTF_8);
    }

    private static String token(String user) {
        return user == null ? null : TOKENS.computeIfAbsent(user, name -> {
            HttpResponse<String> response = send("POST", "/api/login", null, "{\"username\":\"" + name
                    + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            try {
                return ApiCalls.JSON.readTree(response.body()).path("token").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HttpResponse<String> send(String method, String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        String token = path.equals("/api/login") ? null : token(user);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private static JsonNode expect(int status, String method, String path, String user, String body)
            throws IOException {
        HttpResponse<String> response = send(method, path, user, body);
        assertThat(response.statusCode()).as(method + " " + path + " as " + user + ": " + response.body())
                .isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "\\tat ");
        return ApiCalls.JSON.readTree(response.body());
    }

    @Test
    void anAdminInstallsASignedFileAndARetryAnswersTheSame() throws Exception {
        String file = signed(draft("UTO-API-ONE", 1, "Police questions"));

        JsonNode first = expect(201, "POST", "/api/agreements", "admin", file);
        JsonNode again = expect(200, "POST", "/api/agreements", "admin", file);

        assertThat(again).isEqualTo(first);
        assertThat(first.path("reference").asText()).isEqualTo("UTO-API-ONE@v1");
        assertThat(first.path("state").asText()).isEqualTo("IN_FORCE");
        assertThat(first.path("installedBy").asText()).isEqualTo("admin");
        assertThat(first.path("signers").toString()).contains("{\"party\":\"UTO/POL\",\"node\":\"UTO/POL/HQ\"}",
                "{\"party\":\"UTO/IMM\",\"node\":\"UTO/IMM/HQ\"}");
        assertThat(first.at("/rules/0/side").asText()).isEqualTo("answerer");
        assertThat(first.at("/rules/0/perDay").asInt()).isEqualTo(100);
    }

    @Test
    void readersSeeEveryVersionWithTheQuotaUsedAndOthersAreTurnedAway() throws Exception {
        expect(201, "POST", "/api/agreements", "admin", signed(draft("UTO-API-USE", 1, "Counted")));
        immigration.services.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_request(question_id,"
                    + " asker, agreement_id, agreement_version, query_type, purpose, categories, received_at, state)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, "q-1", POL, "UTO-API-USE", 1, "crossings", "criminal-investigation", "hit",
                        Instant.now(), "ANSWERED");
                return insert.executeUpdate();
            }
        });

        for (String reader : new String[]{"admin", "analyst", "sup.air"}) {
            JsonNode list = expect(200, "GET", "/api/agreements", reader, null);
            assertThat(list.path("node").asText()).isEqualTo(IMM);
            JsonNode counted = null;
            for (JsonNode version : list.path("agreements")) {
                if (version.path("id").asText().equals("UTO-API-USE")) {
                    counted = version;
                }
            }
            assertThat(counted).as(reader + " sees the agreement").isNotNull();
            assertThat(counted.at("/rules/0/usedToday").asLong()).isEqualTo(1);
            assertThat(counted.at("/rules/0/usedThisYear").asLong()).isEqualTo(1);
        }
        JsonNode one = expect(200, "GET", "/api/agreements/UTO-API-USE", "analyst", null);
        assertThat(one.path("versions")).hasSize(1);
        for (String path : new String[]{"/api/agreements", "/api/agreements/UTO-API-USE", "/api/agreements/schema"}) {
            assertThat(send("GET", path, "officer.air", null).statusCode()).as(path).isEqualTo(403);
            assertThat(send("GET", path, "lists", null).statusCode()).as(path).isEqualTo(403);
            assertThat(send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void onlyAnAdminInstallsOrRevokes() throws Exception {
        String file = signed(draft("UTO-API-ROLE", 1, "Roles"));
        for (String user : new String[]{"analyst", "sup.air", "officer.air", "lists"}) {
            assertThat(send("POST", "/api/agreements", user, file).statusCode()).as(user).isEqualTo(403);
        }
        expect(201, "POST", "/api/agreements", "admin", file);
        assertThat(send("POST", "/api/agreements/UTO-API-ROLE/revoke", "analyst", "{\"reason\":\"no\"}")
                .statusCode()).isEqualTo(403);
        assertThat(expect(200, "GET", "/api/agreements/UTO-API-ROLE", "admin", null).at("/versions/0/state")
                .asText()).isEqualTo("IN_FORCE");
    }

    @Test
    void aLaterVersionSupersedesAnOlderOneIsAConflictAndOtherContentToo() throws Exception {
        expect(201, "POST", "/api/agreements", "admin", signed(draft("UTO-API-VER", 1, "First")));
        expect(201, "POST", "/api/agreements", "admin", signed(draft("UTO-API-VER", 3, "Third")));

        JsonNode older = expect(409, "POST", "/api/agreements", "admin", signed(draft("UTO-API-VER", 2, "Second")));
        JsonNode conflict = expect(409, "POST", "/api/agreements", "admin", signed(draft("UTO-API-VER", 3, "Other")));

        assertThat(older.path("error").asText()).isEqualTo("version-older");
        assertThat(older.path("field").asText()).isEqualTo("agreement.version");
        assertThat(conflict.path("error").asText()).isEqualTo("version-conflict");
        JsonNode versions = expect(200, "GET", "/api/agreements/UTO-API-VER", "analyst", null).path("versions");
        assertThat(versions).extracting(v -> v.path("reference").asText() + " " + v.path("state").asText())
                .containsExactly("UTO-API-VER@v3 IN_FORCE", "UTO-API-VER@v1 SUPERSEDED");
    }

    @Test
    void hostileBodiesAreRefusedNamingTheFieldOrTheLimit() throws Exception {
        String good = signed(draft("UTO-API-BAD", 1, "Hostile"));
        Map<String, String> invalid = Map.of(
                "agreement.version", good.replace("\"version\" : 1", "\"version\" : \"one\""),
                "signatures", new String(draft("UTO-API-BAD", 1, "Hostile").write(), StandardCharsets.UTF_8),
                "signatures[0]", good.replace("\"perDay\" : 100", "\"perDay\" : 1000"),
                "agreement.rules[0].quota.perDay", good.replace("\"perDay\" : 100,", "\"perDay\" : 100, \"perDay\" : 1,"),
                "extra", good.replaceFirst("\\{", "{\"extra\": 1,"));
        for (Map.Entry<String, String> body : invalid.entrySet()) {
            JsonNode error = expect(400, "POST", "/api/agreements", "admin", body.getValue());
            assertThat(error.path("error").asText()).as(body.getKey()).isEqualTo("invalid-agreement");
            assertThat(error.path("field").asText()).isEqualTo(body.getKey());
        }
        for (String unusable : new String[]{"", "not json", "[1,2]", "{\"agreement\": {", "\u0000\u0001"}) {
            JsonNode error = expect(400, "POST", "/api/agreements", "admin", unusable);
            assertThat(error.path("error").asText()).as(unusable).isIn("unusable-agreement", "invalid-agreement");
        }
        JsonNode tooLarge = expect(413, "POST", "/api/agreements", "admin", "{\"agreement\": \""
                + "a".repeat(AgreementFile.MAX_BYTES) + "\"}");
        assertThat(tooLarge.path("message").asText()).contains("256 KiB");
        assertThat(send("GET", "/api/agreements/UTO-API-BAD", "admin", null).statusCode())
                .as("nothing was installed").isEqualTo(404);
        assertThat(expect(400, "GET", "/api/agreements/not%20an%20id", "admin", null).path("field").asText())
                .isEqualTo("id");
    }

    @Test
    void revokingNeedsAReasonAndARetryAnswersAsTheFirstTime() throws Exception {
        expect(201, "POST", "/api/agreements", "admin", signed(draft("UTO-API-END", 1, "Ends")));

        assertThat(expect(400, "POST", "/api/agreements/UTO-API-END/revoke", "admin", "{\"reason\":\" \"}")
                .path("field").asText()).isEqualTo("reason");
        assertThat(expect(400, "POST", "/api/agreements/UTO-API-END/revoke", "admin", "{\"why\":1}")
                .path("error").asText()).isNotEmpty();
        JsonNode revoked = expect(200, "POST", "/api/agreements/UTO-API-END/revoke", "admin",
                "{\"reason\":\"court ruling\"}");
        JsonNode retried = expect(200, "POST", "/api/agreements/UTO-API-END/revoke", "admin",
                "{\"reason\":\"court ruling\"}");

        assertThat(revoked.path("state").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("endReason").asText()).isEqualTo("court ruling");
        assertThat(retried).isEqualTo(revoked);
        expect(404, "POST", "/api/agreements/UTO-API-END/revoke", "admin", "{\"reason\":\"another reason\"}");
        expect(404, "POST", "/api/agreements/UTO-NEVER/revoke", "admin", "{\"reason\":\"court ruling\"}");
    }

    @Test
    void theSchemaIsServedToReaders() throws Exception {
        HttpResponse<String> schema = send("GET", "/api/agreements/schema", "analyst", null);

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type").orElse("")).startsWith("application/schema+json");
        assertThat(ApiCalls.JSON.readTree(schema.body()).path("$id").asText())
                .isEqualTo("urn:ibex:schema:agreement:1");
    }

    @Test
    void aNodeOutsideAFederationSaysSo() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            for (String[] call : new String[][]{{"GET", "/api/agreements"}, {"GET", "/api/agreements/UTO-X-Y"},
                    {"POST", "/api/agreements"}}) {
                HttpResponse<String> response = api.send(call[0], call[1], "admin", call[0].equals("POST")
                        ? "{\"agreement\":{}}" : null);
                assertThat(response.statusCode()).as(call[1]).isEqualTo(409);
                assertThat(response.body()).contains("not-federated", "this node has not joined a federation");
            }
        }
    }
}

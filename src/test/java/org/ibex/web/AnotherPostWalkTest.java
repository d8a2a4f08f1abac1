package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.store.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The companion of {@link AccessControlTest}: every endpoint is walked by the officer and the supervisor of
 * POST-B, aimed at what POST-A holds of its traveller ALPHA (crossing, hit, clearance, fingerprints, the post's
 * own list). Nothing of ALPHA may come back, no request may fail with a 5xx, and nothing stored may change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnotherPostWalkTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    /** What only POST-A's records of its traveller say: surname, document number, list entry id. */
    private static final List<String> ALPHA_MARKERS = List.of("ALPHA", "AA1234567", "ALPHA-ENTRY");
    /** Tables whose rows record the walk itself: who asked, logins and sessions; none holds a traveller. */
    private static final Set<String> LOGS = Set.of("access_log", "audit_head", "audit_entry", "audit_checkpoint", "flyway_schema_history",
            "user_account", "account_event", "login_failure");
    private static TestNode node;
    private static ApiCalls api;
    private static List<Endpoint> endpoints;
    /** The one sanctioned way in: a supervisor's audited case, tested on its own below. */
    private static final String CASES = "/api/persons/{id}/cases";
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void postAHoldsATravellerWithAHitAClearanceAndFingerprints() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        endpoints = new Api(node.services, Json.mapper()).endpoints();
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api.expect(200, "PUT", "/api/watchlists/air-local?format=csv", "supervisor.a", "id,name\nALPHA-ENTRY,Alpha Jean\n");
        JsonNode entry = api.enter("officer.a", "POST-A", ApiCalls.passport("ALPHA", "AA1234567"));
        ids.put("crossing", entry.at("/crossing/id").asText());
        ids.put("person", entry.at("/crossing/personId").asText());
        ids.put("hit", entry.at("/hits/0/id").asText());
        api.expect(200, "POST", "/api/crossings/" + ids.get("crossing") + "/hits/" + ids.get("hit") + "/disposition",
                "officer.a", Map.of("outcome", "FALSE_ALERT", "reason", "a namesake: birth date differs"));
        JsonNode exit = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("EXIT", "POST-A", ApiCalls.passport("ALPHA", "AA1234567")));
        ids.put("clearance", exit.at("/hits/0/suppression/clearanceId").asText());
        ids.put("subject", api.expect(201, "POST", "/api/persons/" + ids.get("person") + "/fingerprints", "officer.a",
                Map.of("fingers", List.of(FingerprintApiTest.finger(2, 101, 1), FingerprintApiTest.finger(7, 102, 1))))
                .path("subjectId").asText());
        ids.put("identification", api.expect(201, "POST", "/api/identifications", "officer.a",
                Map.of("fingers", List.of(FingerprintApiTest.finger(2, 101, 2)))).path("id").asText());
        assertThat(ids.values()).as("POST-A's records exist: %s", ids).doesNotContain("", "0");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    @Order(1)
    void noEndpointReadsOrChangesAnotherPostsTraveller() {
        Map<String, String> before = snapshot();
        assertThat(before).as("the snapshot sees the node's tables").containsKeys("crossing", "finger_template", "hit_clearance");
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints) {
            for (String actor : List.of("officer.b", "supervisor.b")) {
                Role role = actor.startsWith("officer") ? Role.OFFICER : Role.SUPERVISOR;
                if (endpoint.isPublic() || !endpoint.roles().contains(role) || endpoint.path().equals("/api/logout")
                        || endpoint.path().equals(CASES) || endpoint.path().startsWith("/api/boundaries/")) {
                    // A boundary set is the state's map, the same at every post: no post's record to reach.
                    continue;
                }
                String path = aimedAtPostA(endpoint);
                HttpResponse<String> response = api.send(endpoint.method().name(), path, actor, bodyFor(endpoint));
                calls++;
                int status = response.statusCode();
                String call = endpoint.method() + " " + path + " as " + actor + " answered " + status;
                if (status >= 500) {
                    problems.add(call + " (a 5xx): " + response.body());
                }
                if (endpoint.path().contains("{") && status < 400) {
                    problems.add(call + ": it acts on POST-A's record");
                }
                for (String marker : ALPHA_MARKERS) {
                    if (response.body().contains(marker)) {
                        problems.add(call + " and shows " + marker + ": " + response.body());
                    }
                }
            }
        }

        assertThat(calls).as("the walk reached the endpoints officers and supervisors may call").isGreaterThan(20);
        assertThat(problems).as("requests by POST-B aimed at POST-A's traveller").isEmpty();
        assertThat(snapshot()).as("nothing stored changed, apart from the logs of who asked").isEqualTo(before);
    }

    @Test
    @Order(2)
    void aSupervisorsCaseIsTheOneWayInAndItIsOnRecord() {
        api.expect(201, "POST", "/api/persons/" + ids.get("person") + "/cases", "supervisor.b",
                Map.of("reason", "ALPHA presented at POST-B without documents; identified 1:N"));

        JsonNode verified = api.expect(200, "POST", "/api/persons/" + ids.get("person") + "/fingerprints/verify",
                "officer.b", Map.of("fingers", List.of(FingerprintApiTest.finger(2, 101, 3), FingerprintApiTest.finger(7, 102, 3))));
        assertThat(verified.path("decision").asText()).as("under the case POST-B verifies the traveller").isEqualTo("MATCH");
        assertThat(api.expect(200, "GET", "/api/access-log?limit=100", "admin", null).toString())
                .as("who opened it is on record").contains("\"actor\":\"supervisor.b\"").contains("open biometric case");
    }

    /** The endpoint's path with each {placeholder} filled by POST-A's record, and queries that ask for POST-A. */
    private static String aimedAtPostA(Endpoint endpoint) {
        String path = endpoint.path();
        String id = path.startsWith("/api/persons") ? ids.get("person")
                : path.startsWith("/api/biometric-subjects") ? ids.get("subject")
                : path.startsWith("/api/clearances") ? ids.get("clearance")
                : path.startsWith("/api/identifications") ? ids.get("identification")
                : path.startsWith("/api/watchlists") ? "air-local" : ids.get("crossing");
        path = path.replace("{id}", id).replace("{hitId}", ids.get("hit"));
        return switch (endpoint.method().name() + " " + endpoint.path()) {
            case "GET /api/crossings" -> path + "?person=" + ids.get("person");
            case "PUT /api/watchlists/{id}" -> path + "?format=csv&confirmRemoval=1";
            case "POST /api/watchlists/{id}/rollback" -> path + "?version=1";
            default -> path;
        };
    }

    /** A body that would change POST-A's record if the node let it through. */
    private static Object bodyFor(Endpoint endpoint) {
        List<Map<String, Object>> fingers = List.of(FingerprintApiTest.finger(2, 103, 1), FingerprintApiTest.finger(7, 104, 1));
        Map<String, Object> crossingAtA = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("ALPHA", "AA1234567"));
        return switch (endpoint.method().name() + " " + endpoint.path()) {
            case "POST /api/crossings" -> crossingAtA;
            case "POST /api/crossings/{id}/corrections" -> Map.of("reason", "take over", "crossing", crossingAtA);
            case "POST /api/crossings/{id}/hits/{hitId}/disposition" -> Map.of("outcome", "CONFIRMED", "reason", "x");
            case "POST /api/clearances/{id}/revoke", "DELETE /api/biometric-subjects/{id}", "POST /api/persons/{id}/cases" ->
                    Map.of("reason", "not ours to do");
            case "POST /api/persons/{id}/fingerprints" -> Map.of("fingers", fingers, "reason", "replace");
            case "POST /api/persons/{id}/fingerprints/verify" -> Map.of("fingers", fingers);
            case "PUT /api/watchlists/{id}" -> "id,name\nB1,Bravo Someone\n";
            case "POST /api/screen" -> Map.of("name", "JEAN ALPHA");
            // 1:N searches the national gallery by design; an empty request keeps the walk from adding a probe.
            case "POST /api/identifications" -> Map.of();
            case "POST /api/identifications/{id}/enrolment" -> Map.of("reason", "not ours to do");
            default -> endpoint.method().name().equals("GET") ? null : Map.of();
        };
    }

    /** Every table's rows as text, except the logs the walk itself writes. */
    private static Map<String, String> snapshot() {
        return node.database.read(connection -> {
            Map<String, String> tables = new TreeMap<>();
            for (String table : tables(connection)) {
                if (!LOGS.contains(table)) {
                    tables.put(table, rows(connection, table));
                }
            }
            return tables;
        });
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement select = connection.createStatement(); ResultSet result = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    Object value = result.getObject(c);
                    row.append(value instanceof byte[] bytes ? java.util.Arrays.hashCode(bytes) : value).append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows.size() + " rows: " + String.join("\n", rows);
    }
}

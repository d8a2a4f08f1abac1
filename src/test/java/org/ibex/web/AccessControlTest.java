package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.store.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: tokens, roles, posts, and what is written down about every access. */
class AccessControlTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final Map<Role, String> USER_OF_ROLE = Map.of(Role.OFFICER, "officer.a", Role.SUPERVISOR, "supervisor.a",
            Role.ANALYST, "analyst", Role.ADMIN, "admin", Role.LIST_MANAGER, "list.manager");
    private static TestNode node;
    private static ApiCalls api;
    private static List<Endpoint> endpoints;
    private static long crossingA;
    private static long personA;

    @BeforeAll
    static void startNodeWithACrossingAtEachPost() {
        node = new TestNode(CLOCK);
        api = new ApiCalls(node);
        endpoints = new Api(node.services, Json.mapper()).endpoints();
        JsonNode atA = api.enter("officer.a", "POST-A", ApiCalls.passport("ALPHA", "AA1234567")).path("crossing");
        crossingA = atA.path("id").asLong();
        personA = atA.path("personId").asLong();
        api.enter("officer.b", "POST-B", ApiCalls.passport("BRAVO", "BB1234567"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void everyProtectedEndpointTurnsAwayARequestWithoutToken() {
        for (Endpoint endpoint : protectedEndpoints()) {
            HttpResponse<String> response = api.send(endpoint.method().name(), concrete(endpoint), null, null);
            assertThat(response.statusCode()).as("%s %s without a token", endpoint.method(), endpoint.path()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as("a 401 tells the client how to authenticate (RFC 9110)").hasValue("Bearer realm=\"ibex\"");
        }
    }

    @Test
    void everyProtectedEndpointTurnsAwayAMadeUpToken() {
        for (Endpoint endpoint : protectedEndpoints()) {
            HttpResponse<String> response = api.send(endpoint.method().name(), concrete(endpoint), null, null,
                    "Authorization", "Bearer not-a-token-the-node-issued");
            assertThat(response.statusCode()).as("%s %s with a forged token", endpoint.method(), endpoint.path())
                    .isEqualTo(401);
        }
    }

    @Test
    void everyRoleIsForbiddenExactlyTheEndpointsItIsNotListedFor() {
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : protectedEndpoints()) {
            for (Role role : Role.values()) {
                // A fresh token per call: POST /api/logout would otherwise end the session the next call uses.
                String token = node.login(USER_OF_ROLE.get(role));
                int status = api.send(endpoint.method().name(), concrete(endpoint), null, null,
                        "Authorization", "Bearer " + token).statusCode();
                boolean allowed = endpoint.roles().contains(role);
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    mismatches.add(endpoint.method() + " " + endpoint.path() + " as " + role + " (allowed=" + allowed
                            + ") answered " + status);
                }
            }
        }
        assertThat(mismatches).as("403 exactly where the Endpoint's roles leave the role out; no 5xx anywhere").isEmpty();
    }

    @Test
    void officerCannotRecordACrossingAtAnotherPost() {
        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("ENTRY", "POST-B", ApiCalls.passport("CHARLIE", "CC1234567")));

        assertThat(response.statusCode()).as("officer.a belongs to POST-A: " + response.body()).isEqualTo(403);
    }

    @Test
    void officerListingCrossingsSeesOnlyTheirOwnPost() {
        JsonNode rows = api.expect(200, "GET", "/api/crossings", "officer.a", null);

        assertThat(rows.size()).as("the POST-A crossing is listed").isPositive();
        rows.forEach(row -> assertThat(row.path("postId").asText())
                .as("a POST-B crossing exists but must not reach officer.a").isEqualTo("POST-A"));
        assertThat(api.expect(200, "GET", "/api/crossings", "analyst", null).findValuesAsText("postId"))
                .as("the analyst sees the whole node").contains("POST-A", "POST-B");
    }

    @Test
    void officerAskingForAnotherPostsCrossingsIsForbidden() {
        assertThat(api.send("GET", "/api/crossings?post=POST-B", "officer.a", null).statusCode())
                .as("asking for another post explicitly is refused, not silently narrowed").isEqualTo(403);
    }

    @Test
    void officerOfAnotherPostGetsNotFoundForACrossingThatExists() {
        HttpResponse<String> response = api.send("GET", "/api/crossings/" + crossingA, "officer.b", null);

        assertThat(response.statusCode()).as("the same answer as for a missing crossing: " + response.body()).isEqualTo(404);
        assertThat(response.body()).as("nothing of the traveller leaks").doesNotContain("ALPHA");
        assertThat(api.send("GET", "/api/crossings/" + crossingA, "analyst", null).statusCode())
                .as("the analyst reads crossings of every post").isEqualTo(200);
    }

    @Test
    void officerOfAnotherPostGetsNotFoundForTheStayOfATravellerWhoNeverCrossedThere() {
        HttpResponse<String> response = api.send("GET", "/api/persons/" + personA + "/stay", "officer.b", null);

        assertThat(response.statusCode()).as("ALPHA crossed at POST-A only: " + response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("ALPHA");
        assertThat(api.expect(200, "GET", "/api/persons/" + personA + "/stay", "analyst", null)
                .at("/person/surname").asText()).as("the analyst reads every stay").isEqualTo("ALPHA");
    }

    @Test
    void adminDoesNotSeeTravellers() {
        assertThat(api.send("GET", "/api/crossings", "admin", null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/crossings/" + crossingA, "admin", null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/persons/" + personA + "/stay", "admin", null).statusCode()).isEqualTo(403);
    }

    @Test
    void supervisorCorrectsACrossingOnceAndBothRecordsStayLinked() {
        long old = api.enter("officer.a", "POST-A", ApiCalls.passport("DELTA", "DD1234567")).at("/crossing/id").asLong();
        Map<String, Object> correction = Map.of("reason", "scanned the wrong page",
                "crossing", ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("DELTA", "DD7654321")));

        long fresh = api.expect(201, "POST", "/api/crossings/" + old + "/corrections", "supervisor.a", correction)
                .at("/crossing/id").asLong();

        JsonNode oldRecord = api.expect(200, "GET", "/api/crossings/" + old, "supervisor.a", null);
        JsonNode newRecord = api.expect(200, "GET", "/api/crossings/" + fresh, "supervisor.a", null);
        assertThat(oldRecord.path("supersededBy").asLong()).as("the old record stays and points forward").isEqualTo(fresh);
        assertThat(newRecord.path("supersedes").asLong()).as("the new record points back").isEqualTo(old);
        assertThat(newRecord.path("correctionReason").asText()).isEqualTo("scanned the wrong page");
        HttpResponse<String> again = api.send("POST", "/api/crossings/" + old + "/corrections", "supervisor.a", correction);
        assertThat(again.statusCode()).as("a corrected record is corrected through its successor: " + again.body())
                .isEqualTo(400);
        assertThat(ApiCalls.json(again).path("field").asText()).isEqualTo("id");
    }

    @Test
    void sixthLoginAfterFiveFailuresIsThrottledEvenWithTheRightPassword() {
        try (TestNode own = new TestNode(CLOCK)) { // own node: the throttle also counts per address, i.e. loopback
            for (int i = 1; i <= 5; i++) {
                assertThat(own.send("POST", "/api/login", null, "{\"username\":\"officer.a\",\"password\":\"guess" + i + "\"}")
                        .statusCode()).as("failure %d is an ordinary 401", i).isEqualTo(401);
            }
            HttpResponse<String> sixth = own.send("POST", "/api/login", null,
                    "{\"username\":\"officer.a\",\"password\":\"" + TestNode.PASSWORD + "\"}");

            assertThat(sixth.statusCode()).as("the right password does not help a guesser: " + sixth.body()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).as("the client learns when to try again")
                    .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(sixth.body()).doesNotContain("token");
        }
    }

    @Test
    void accessLogRecordsWhoReadAndWroteACrossingAndWhy() {
        long id = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("ECHO", "EE1234567")),
                "X-Purpose", "secondary inspection").at("/crossing/id").asLong();
        api.expect(200, "GET", "/api/crossings/" + id, "officer.a", null, "X-Purpose", "secondary inspection");

        JsonNode log = api.expect(200, "GET", "/api/access-log?limit=50", "admin", null);

        assertThat(entry(log, "crossing.record", "crossing/" + id + " ")).as("the recording is logged").isNotNull();
        assertThat(entry(log, "crossing.read", "crossing/" + id)).as("the read is logged").isNotNull();
        for (String action : List.of("crossing.record", "crossing.read")) {
            JsonNode access = entry(log, action, "crossing/" + id);
            assertThat(access.path("actor").asText()).isEqualTo("officer.a");
            assertThat(access.path("purpose").asText()).as("the declared purpose of the %s", action)
                    .isEqualTo("secondary inspection");
        }
    }

    private static JsonNode entry(JsonNode log, String action, String subjectPrefix) {
        for (JsonNode e : log) {
            JsonNode access = e.path("access");
            if (access.path("action").asText().equals(action)
                    && (access.path("subject").asText() + " ").startsWith(subjectPrefix)) {
                return access;
            }
        }
        return null;
    }

    private static List<Endpoint> protectedEndpoints() {
        return endpoints.stream().filter(e -> !e.isPublic()).toList();
    }

    /** The path with {id} filled in by a crossing or person that exists; {username} by none, so nothing changes. */
    private static String concrete(Endpoint endpoint) {
        long id = endpoint.path().startsWith("/api/persons") ? personA : crossingA;
        return endpoint.path().replace("{id}", Long.toString(id)).replace("{hitId}", "1")
                .replace("{username}", "no.such.user").replace("{name}", "utopia-adm1");
    }
}

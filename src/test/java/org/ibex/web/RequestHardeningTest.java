package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer carries for the browser's safety, and requests built to break the parser. */
class RequestHardeningTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNode() {
        node = new TestNode(CLOCK);
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void answersWithPersonalDataAreNeitherCachedNorSniffedNorFramed() {
        api.enter("officer.a", "POST-A", ApiCalls.passport("HEADERS", "HD1234567"));
        HttpResponse<String> response = api.send("GET", "/api/crossings", "officer.a", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).as("no proxy or browser keeps a copy").hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void errorsAndUnknownPathsCarryTheSameHeaders() {
        for (HttpResponse<String> response : new HttpResponse[]{api.send("GET", "/api/crossings", null, null),
                api.send("GET", "/api/no-such-thing", "officer.a", null)}) {
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().getPath()).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().getPath()).hasValue("nosniff");
        }
    }

    @Test
    void aNumberOfHalfAMillionDigitsIsABadRequestNamingTheRule() {
        String body = "{\"direction\":\"ENTRY\",\"postId\":\"POST-A\",\"permit\":{\"entries\":1" + "0".repeat(500_000) + "}}";
        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("number").doesNotContain("com.fasterxml").doesNotContain("Exception");
    }

    @Test
    void anOriginalNameLongerThanTheStoreKeepsIsABadRequestNamingTheField() {
        Map<String, Object> request = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("LONGNAME", "LN1234567"));
        request.put("nameOriginal", "ж".repeat(201));
        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a", request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("nameOriginal");
    }

    @Test
    void theSameUidAtAnotherPostRecordsThatPostsTravellerAndRevealsNothingOfTheFirst() {
        Map<String, Object> atA = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("AIRPORTONE", "AP1234567"));
        atA.put("uid", "shared-key-1");
        api.expect(201, "POST", "/api/crossings", "officer.a", atA);
        Map<String, Object> atB = ApiCalls.crossing("ENTRY", "POST-B", ApiCalls.passport("LANDONE", "LD1234567"));
        atB.put("uid", "shared-key-1");

        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.b", atB);

        assertThat(response.statusCode()).as("a key is the post's own: " + response.body()).isEqualTo(201);
        assertThat(response.body()).doesNotContain("AIRPORTONE").doesNotContain("AP1234567").contains("LANDONE");
    }

    @Test
    void aReplayWithDifferentContentIsAConflictThatRevealsNothing() {
        Map<String, Object> first = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("FIRSTONE", "FO1234567"));
        first.put("uid", "replayed-key");
        api.expect(201, "POST", "/api/crossings", "officer.a", first);
        Map<String, Object> other = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("OTHERONE", "OO1234567"));
        other.put("uid", "replayed-key");

        HttpResponse<String> response = api.send("POST", "/api/crossings", "supervisor.a", other);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).doesNotContain("FIRSTONE").doesNotContain("FO1234567");
        JsonNode replay = api.expect(200, "POST", "/api/crossings", "officer.a", first);
        assertThat(replay.path("duplicate").asBoolean()).as("the same content again is a retry").isTrue();
        assertThat(replay.path("crossing").path("document").path("surname").asText()).isEqualTo("FIRSTONE");
    }
}

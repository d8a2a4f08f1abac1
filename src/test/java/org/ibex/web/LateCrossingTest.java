package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.border.BatchResult;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.store.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crossing's time against the node's clock: within the skew (15 minutes by default) it is on time; further back
 * only a supervisor may record it, with a reason, and it is marked late; in the future beyond the skew nobody may.
 * Imports are history and are marked imported (and late) without a reason asked.
 */
class LateCrossingTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final TestClock CLOCK = new TestClock(NOW);
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

    private static Map<String, Object> entryAt(Instant at, String surname, String number) {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport(surname, number));
        body.put("occurredAt", at.toString());
        return body;
    }

    @Test
    void anOfficersBackDatedCrossingIsRefusedNamingOccurredAtAndTheRule() {
        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a",
                entryAt(NOW.minus(Duration.ofHours(3)), "BACKDATED", "BD1234567"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = ApiCalls.json(response);
        assertThat(error.path("field").asText()).isEqualTo("occurredAt");
        assertThat(error.path("message").asText()).as("the officer reads the rule and who may do it instead")
                .contains("15 minutes").contains("supervisor").contains("lateReason");
        assertThat(error.at("/problems/0/rule").asText()).isEqualTo("max-skew");
    }

    @Test
    void aCrossingWithinTheSkewIsOnTimeForAnOfficer() {
        JsonNode crossing = api.expect(201, "POST", "/api/crossings", "officer.a",
                entryAt(NOW.minus(Duration.ofMinutes(10)), "PROMPT", "PR1234567")).path("crossing");

        assertThat(crossing.path("late").asBoolean()).as("ten minutes is within the skew").isFalse();
        assertThat(crossing.path("imported").asBoolean()).isFalse();
        assertThat(crossing.path("occurredAt").asText()).isEqualTo(NOW.minus(Duration.ofMinutes(10)).toString());
    }

    @Test
    void aSupervisorRecordsALateCrossingOnlyWithAReasonAndItIsMarkedLate() {
        Map<String, Object> body = entryAt(NOW.minus(Duration.ofDays(2)), "LATE", "LA7654321");
        HttpResponse<String> noReason = api.send("POST", "/api/crossings", "supervisor.a", body);
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(ApiCalls.json(noReason).path("field").asText()).as("the reason is what is missing").isEqualTo("lateReason");

        body.put("lateReason", "paper log from the night the tablets were down");
        JsonNode crossing = api.expect(201, "POST", "/api/crossings", "supervisor.a", body).path("crossing");

        assertThat(crossing.path("late").asBoolean()).as(crossing.toString()).isTrue();
        assertThat(crossing.path("lateReason").asText()).isEqualTo("paper log from the night the tablets were down");
        assertThat(crossing.path("recordedAt").asText()).as("recorded now, happened two days ago").isEqualTo(NOW.toString());
        JsonNode read = api.expect(200, "GET", "/api/crossings/" + crossing.path("id").asLong(), "officer.a", null);
        assertThat(read.path("late").asBoolean()).as("the mark is stored, not only answered").isTrue();
        assertThat(read.path("lateReason").asText()).isEqualTo("paper log from the night the tablets were down");
    }

    @Test
    void aCrossingBeyondTheSkewInTheFutureIsRefusedEvenToASupervisor() {
        Map<String, Object> body = entryAt(NOW.plus(Duration.ofHours(1)), "FUTURE", "FU1234567");
        body.put("lateReason", "a reason does not make the future past");

        for (String user : List.of("officer.a", "supervisor.a")) {
            HttpResponse<String> response = api.send("POST", "/api/crossings", user, body);
            assertThat(response.statusCode()).as("%s: %s", user, response.body()).isEqualTo(400);
            assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("occurredAt");
            assertThat(ApiCalls.json(response).at("/problems/0/rule").asText()).isEqualTo("not-future");
        }
        assertThat(api.expect(201, "POST", "/api/crossings", "officer.a",
                entryAt(NOW.plus(Duration.ofMinutes(5)), "CLOCKS", "CL1234567")).at("/crossing/late").asBoolean())
                .as("five minutes ahead is a device clock within the skew").isFalse();
    }

    @Test
    void aRetryOfAnOnTimeCrossingArrivingAfterTheSkewAnswersAsTheFirstDid() {
        Map<String, Object> body = entryAt(NOW.minus(Duration.ofMinutes(5)), "RETRIED", "RT1234567");
        body.put("uid", "tablet-3-000917");
        JsonNode first = api.expect(201, "POST", "/api/crossings", "officer.a", body);

        // The same request half an hour later, as a tablet on a bad link sends it: by now its time lies beyond the
        // skew, but it is the stored crossing's retry and is answered as the first time, not refused.
        CLOCK.advance(Duration.ofMinutes(30));
        try {
            JsonNode retry = api.expect(200, "POST", "/api/crossings", "officer.a", body);
            assertThat(retry.path("duplicate").asBoolean()).isTrue();
            assertThat(retry.at("/crossing/id").asLong()).isEqualTo(first.at("/crossing/id").asLong());
            assertThat(retry.at("/crossing/late").asBoolean()).isFalse();

            body.put("uid", "tablet-3-000918");
            assertThat(api.send("POST", "/api/crossings", "officer.a", body).statusCode())
                    .as("a new crossing with that time is late now, and an officer may not record it").isEqualTo(400);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-30));
        }
    }

    @Test
    void aSupervisorsCorrectionOfAnEarlierTimeIsLateWithTheCorrectionsReason() {
        Map<String, Object> wrong = entryAt(NOW.minus(Duration.ofMinutes(1)), "CORRECTED", "CO1234567");
        long id = api.expect(201, "POST", "/api/crossings", "officer.a", wrong).at("/crossing/id").asLong();
        Map<String, Object> right = entryAt(NOW.minus(Duration.ofDays(1)), "CORRECTED", "CO1234567");

        JsonNode corrected = api.expect(201, "POST", "/api/crossings/" + id + "/corrections", "supervisor.a",
                Map.of("reason", "the traveller arrived yesterday; typed in today", "crossing", right)).path("crossing");

        assertThat(corrected.path("late").asBoolean()).isTrue();
        assertThat(corrected.path("lateReason").asText()).as("a correction's reason serves as the late reason")
                .isEqualTo("the traveller arrived yesterday; typed in today");
    }

    @Test
    void importedCrossingsAreMarkedImportedAndLateWithoutAReason() {
        CrossingRequest old = new CrossingRequest("import-late-1", Direction.ENTRY, "POST-A",
                NOW.minus(Duration.ofDays(40)), ApiCalls.passport("IMPORTED", "IM1234567"), null, null, null, null);
        BatchResult result = node.services.border().recordBatch(List.of(old), TestNode.OPERATOR);
        assertThat(result.rejected()).isEmpty();

        JsonNode listed = null;
        for (JsonNode c : api.expect(200, "GET", "/api/crossings?limit=100", "analyst", null)) {
            listed = c.path("uid").asText().equals("import-late-1") ? c : listed;
        }
        assertThat(listed).as("the imported crossing is listed").isNotNull();
        assertThat(listed.path("imported").asBoolean()).isTrue();
        assertThat(listed.path("late").asBoolean()).as("forty days after it happened").isTrue();

        CrossingRequest future = new CrossingRequest("import-future-1", Direction.ENTRY, "POST-A",
                NOW.plus(Duration.ofDays(1)), ApiCalls.passport("AHEAD", "AH1234567"), null, null, null, null);
        assertThat(node.services.border().recordBatch(List.of(future), TestNode.OPERATOR).rejected())
                .as("an import may not hold tomorrow's crossings either").hasSize(1)
                .allSatisfy(r -> assertThat(r.reason()).contains("occurredAt"));
    }
}

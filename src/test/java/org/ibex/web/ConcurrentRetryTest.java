package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry is the normal case on a bad link: clients that send the same crossing at once all get the one stored
 * record, and first crossings of one new traveller racing each other all link to one person. Never a 500.
 */
class ConcurrentRetryTest {
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 4;

    @Test
    void theSameCrossingSentByEightClientsAtOnceIsStoredOnceAndEveryoneGetsIt() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            api.token("officer.a");
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-A",
                        ApiCalls.passport("RETRY" + (char) ('A' + round), "RT" + round + "234567"));
                body.put("uid", "retry-" + round);

                List<HttpResponse<String>> answers = atOnce(i -> api.send("POST", "/api/crossings", "officer.a", body));

                List<Long> ids = new ArrayList<>();
                int created = 0;
                for (HttpResponse<String> answer : answers) {
                    assertThat(answer.statusCode()).as("round %d: a retry answers as the first did, not %s", round,
                            answer.body()).isIn(200, 201);
                    created += answer.statusCode() == 201 ? 1 : 0;
                    JsonNode json = ApiCalls.json(answer);
                    assertThat(json.path("duplicate").asBoolean()).isEqualTo(answer.statusCode() == 200);
                    ids.add(json.at("/crossing/id").asLong());
                }
                assertThat(created).as("round %d: exactly one client created it", round).isEqualTo(1);
                assertThat(ids).as("round %d: every client got the one stored crossing", round).containsOnly(ids.get(0));
                JsonNode stored = api.expect(200, "GET", "/api/crossings?person=" + api.expect(200, "GET",
                        "/api/crossings/" + ids.get(0), "officer.a", null).path("personId").asLong(), "officer.a", null);
                assertThat(stored.size()).as("round %d: one crossing stored", round).isEqualTo(1);
            }
        }
    }

    @Test
    void firstCrossingsOfOneNewTravellerRacingEachOtherAllLinkToOnePerson() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            api.token("officer.a");
            for (int round = 0; round < ROUNDS; round++) {
                String mrz = ApiCalls.passport("RACE" + (char) ('A' + round), "RC" + round + "234567");
                int r = round;

                List<HttpResponse<String>> answers = atOnce(i -> {
                    Map<String, Object> body = ApiCalls.crossing(i % 2 == 0 ? "ENTRY" : "EXIT", "POST-A", mrz);
                    body.put("uid", "race-" + r + "-" + i);
                    return api.send("POST", "/api/crossings", "officer.a", body);
                });

                List<Long> persons = new ArrayList<>();
                for (HttpResponse<String> answer : answers) {
                    assertThat(answer.statusCode()).as("round %d: a new traveller's document is linked once, not %s",
                            round, answer.body()).isEqualTo(201);
                    persons.add(ApiCalls.json(answer).at("/crossing/personId").asLong());
                }
                assertThat(persons).as("round %d: one document, one person", round).containsOnly(persons.get(0));
            }
        }
    }

    private static List<HttpResponse<String>> atOnce(IntFunction<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(client);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

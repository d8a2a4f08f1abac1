package org.ibex.web;

import org.ibex.store.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One-time passwords expire, and a password change cannot be used to guess the current password. */
class PasswordChangeTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
    private TestNode node;
    private ApiCalls api;

    @BeforeEach
    void startNode() {
        node = new TestNode(clock);
        api = new ApiCalls(node);
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void aOneTimePasswordNotUsedForThreeDaysNoLongerOpensTheAccount() {
        String oneTime = api.expect(201, "POST", "/api/users", "admin", Map.of("username", "analyst.away", "role", "analyst"))
                .path("oneTimePassword").asText();
        clock.advance(Duration.ofDays(3));

        HttpResponse<String> late = login("analyst.away", oneTime);

        assertThat(late.statusCode()).as(late.body()).isEqualTo(401);
        assertThat(ApiCalls.json(late).path("error").asText()).isEqualTo("one-time-password-expired");
        ApiCalls adminNow = new ApiCalls(node); // the admin's session of three days ago has ended too
        String fresh = adminNow.expect(200, "POST", "/api/users/analyst.away/password-reset", "admin", null)
                .path("oneTimePassword").asText();
        assertThat(login("analyst.away", fresh).statusCode()).as("a reset issues a fresh one").isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLoginsSoAStolenTokenCannotGuessThePassword() {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = change("guess-number-" + i);
            assertThat(wrong.statusCode()).as("guess %d", i).isEqualTo(400);
            assertThat(ApiCalls.json(wrong).path("field").asText()).isEqualTo("currentPassword");
        }

        HttpResponse<String> sixth = change(TestNode.PASSWORD);

        assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode account = api.expect(200, "GET", "/api/users", "admin", null).findParents("username").stream()
                .filter(a -> a.path("username").asText().equals("officer.a")).findFirst().orElseThrow();
        assertThat(account.path("failedLogins").asInt()).isEqualTo(5);
    }

    private HttpResponse<String> change(String current) {
        return api.send("POST", AccountRoutes.OWN_PASSWORD, "officer.a",
                Map.of("currentPassword", current, "newPassword", "quiet river under amber lamps"));
    }

    private HttpResponse<String> login(String username, String password) {
        return api.send("POST", "/api/login", null, Map.of("username", username, "password", password));
    }
}

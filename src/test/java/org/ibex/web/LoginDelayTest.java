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

/**
 * Failed logins slow the guesser down without locking anyone out (issue 12, finding 8): growing delays per
 * account, a high bound per address so a post behind one NAT address keeps working, and an admin's unlock.
 */
class LoginDelayTest {
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
    void fiveWrongPasswordsUnderOneNameDoNotStopTheOtherOfficersBehindTheSameAddress() {
        failFiveTimes("officer.a");

        assertThat(login("officer.b", TestNode.PASSWORD).statusCode())
                .as("all requests come from loopback, as a post's come from its NAT address").isEqualTo(200);
        assertThat(login("supervisor.a", TestNode.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountIsDelayedNotLockedAndTheDelayGrowsWithEachFailure() {
        failFiveTimes("officer.a");
        HttpResponse<String> waiting = login("officer.a", TestNode.PASSWORD);
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).hasValue("30");

        clock.advance(Duration.ofSeconds(31));
        assertThat(login("officer.a", "guess-six").statusCode()).as("one more try after the wait").isEqualTo(401);
        assertThat(login("officer.a", TestNode.PASSWORD).headers().firstValue("Retry-After"))
                .as("the sixth failure doubles the wait").hasValue("60");

        clock.advance(Duration.ofSeconds(61));
        assertThat(login("officer.a", TestNode.PASSWORD).statusCode())
                .as("the owner gets in after a minute, not after a 15-minute lock").isEqualTo(200);
        assertThat(login("officer.a", "one-typo").statusCode()).as("a success starts the count afresh").isEqualTo(401);
    }

    @Test
    void anAdminUnlocksADelayedAccountAndTheUnlockIsLogged() {
        failFiveTimes("officer.a");
        JsonNode before = summary("officer.a");
        assertThat(before.path("failedLogins").asInt()).isEqualTo(5);
        assertThat(before.path("loginDelaySeconds").asLong()).isEqualTo(30);

        JsonNode after = api.expect(200, "POST", "/api/users/officer.a/unlock", "admin", null);

        assertThat(after.path("loginDelaySeconds").asLong()).isZero();
        assertThat(login("officer.a", TestNode.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(api.expect(200, "GET", "/api/account-events", "supervisor.a", null).findValuesAsText("action"))
                .contains("user.unlock");
    }

    @Test
    void anUnknownNameIsAnsweredLikeAnAccountSoNamesCannotBeProbed() {
        failFiveTimes("no.such.officer");

        HttpResponse<String> sixth = login("no.such.officer", TestNode.PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("30");
    }

    private void failFiveTimes(String username) {
        for (int i = 1; i <= 5; i++) {
            assertThat(login(username, "guess-" + i).statusCode()).as("failure %d is an ordinary 401", i).isEqualTo(401);
        }
    }

    private JsonNode summary(String username) {
        for (JsonNode account : api.expect(200, "GET", "/api/users", "admin", null)) {
            if (account.path("username").asText().equals(username)) {
                return account;
            }
        }
        throw new AssertionError("no account " + username);
    }

    private HttpResponse<String> login(String username, String password) {
        return api.send("POST", "/api/login", null, Map.of("username", username, "password", password));
    }
}

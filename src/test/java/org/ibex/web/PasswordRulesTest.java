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

/**
 * The passwords the evaluator set (issue 12, finding 6) are refused where users choose passwords, with the
 * field and the rule: at least 12 characters, not common or breached, not the username.
 */
class PasswordRulesTest {
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
    void theEvaluatorsPasswordsAreRefusedForTheirLength() {
        for (String weak : new String[]{"12345678", "password", "        "}) {
            JsonNode error = refused(weak);
            assertThat(error.path("error").asText()).as("'%s'", weak).isEqualTo("password-too-short");
            assertThat(error.path("message").asText()).contains("at least 12 characters");
        }
    }

    @Test
    void aLongButCommonPasswordIsRefused() {
        assertThat(refused("password1234").path("error").asText()).isEqualTo("password-common");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        assertThat(refused("officer.a-is-my-name").path("error").asText()).isEqualTo("password-contains-username");
    }

    @Test
    void aGoodPassphraseIsTakenAndTheOldPasswordNoLongerWorks() {
        HttpResponse<String> changed = api.send("POST", AccountRoutes.OWN_PASSWORD, "officer.b",
                Map.of("currentPassword", TestNode.PASSWORD, "newPassword", "quiet river under amber lamps"));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(api.send("POST", "/api/login", null, Map.of("username", "officer.b", "password", TestNode.PASSWORD))
                .statusCode()).isEqualTo(401);
    }

    private static JsonNode refused(String newPassword) {
        HttpResponse<String> response = api.send("POST", AccountRoutes.OWN_PASSWORD, "officer.a",
                Map.of("currentPassword", TestNode.PASSWORD, "newPassword", newPassword));
        assertThat(response.statusCode()).as("'%s': %s", newPassword, response.body()).isEqualTo(400);
        JsonNode error = ApiCalls.json(response);
        assertThat(error.path("field").asText()).as("the field is named").isEqualTo("newPassword");
        return error;
    }
}

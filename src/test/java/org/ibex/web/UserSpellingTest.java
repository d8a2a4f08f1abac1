package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer that carries a user spells role and post alike: the README's lower-case role label, and postId. */
class UserSpellingTest {

    @Test
    void loginMeAndTheAccountListSpellRoleAndPostTheSameWay() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            JsonNode login = api.expect(200, "POST", "/api/login", null,
                    Map.of("username", "officer.a", "password", TestNode.PASSWORD));
            JsonNode me = api.expect(200, "GET", "/api/me", "officer.a", null);
            JsonNode listed = null;
            for (JsonNode account : api.expect(200, "GET", "/api/users", "admin", null)) {
                if (account.path("username").asText().equals("officer.a")) {
                    listed = account;
                }
            }

            for (JsonNode user : new JsonNode[] {login, me, listed}) {
                assertThat(user.path("role").asText()).as("%s: the role as the README writes it", user).isEqualTo("officer");
                assertThat(user.path("postId").asText()).as("%s: the post under one name", user).isEqualTo("POST-A");
                assertThat(user.has("post")).as("%s: no second spelling", user).isFalse();
            }
        }
    }

    @Test
    void aUserWithoutAPostHasANullPostIdAndAHyphenatedRole() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);

            JsonNode login = api.expect(200, "POST", "/api/login", null,
                    Map.of("username", "list.manager", "password", TestNode.PASSWORD));

            assertThat(login.path("role").asText()).isEqualTo("list-manager");
            assertThat(login.path("postId").isNull()).as("null, not an empty string").isTrue();
        }
    }

    @Test
    void anAccountIsCreatedAndChangedWithPostIdAndAnsweredInTheSameSpelling() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);

            JsonNode created = api.expect(201, "POST", "/api/users", "admin",
                    Map.of("username", "officer.c", "role", "OFFICER", "postId", "POST-B"));
            JsonNode changed = api.expect(200, "PATCH", "/api/users/officer.c", "admin",
                    Map.of("role", "Supervisor", "postId", "POST-A"));

            assertThat(created.path("role").asText()).isEqualTo("officer");
            assertThat(created.path("postId").asText()).isEqualTo("POST-B");
            assertThat(changed.path("role").asText()).isEqualTo("supervisor");
            assertThat(changed.path("postId").asText()).isEqualTo("POST-A");
            JsonNode events = api.expect(200, "GET", "/api/account-events", "admin", null);
            assertThat(events.toString()).as("account events spell the role as the rest of the API")
                    .contains("role=supervisor").doesNotContain("SUPERVISOR");
        }
    }
}

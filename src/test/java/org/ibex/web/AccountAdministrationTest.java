package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Accounts as admins manage them and supervisors watch them (issue 12, finding 5): an admin never chooses
 * another person's password, a one-time password can only be exchanged for the user's own, and every creation,
 * change, disable, unlock and reset is in the account events a supervisor reads.
 */
class AccountAdministrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final String OWN_PASSWORD = "lantern orchard velvet compass";
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
    void anAdminCannotChooseThePasswordOfANewAccount() {
        HttpResponse<String> response = api.send("POST", "/api/users", "admin",
                Map.of("username", "analyst.chosen", "role", "analyst", "password", "admin-knows-this-one"));

        assertThat(response.statusCode()).as("the evaluator's way to a working analyst login: " + response.body())
                .isEqualTo(400);
        assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("password");
        assertThat(ApiCalls.json(response).path("message").asText()).as("says what to do instead")
                .contains("leave password out").contains("one-time password");
        assertThat(login("analyst.chosen", "admin-knows-this-one").statusCode()).isEqualTo(401);
    }

    @Test
    void aNewAccountsOneTimePasswordOpensNothingButThePasswordChange() {
        JsonNode created = api.expect(201, "POST", "/api/users", "admin", Map.of("username", "analyst.new", "role", "analyst"));
        String oneTime = created.path("oneTimePassword").asText();
        assertThat(oneTime).as("the node makes the password and shows it once").hasSizeGreaterThanOrEqualTo(20);
        assertThat(created.path("passwordChangeRequired").asBoolean()).isTrue();

        JsonNode first = ApiCalls.json(login("analyst.new", oneTime));
        String restricted = first.path("token").asText();
        assertThat(first.path("passwordChangeRequired").asBoolean()).as("the login says what comes next").isTrue();
        HttpResponse<String> stay = withToken("GET", "/api/overstayers", restricted, null);
        assertThat(stay.statusCode()).as("travellers' data stays closed until the user sets a password").isEqualTo(403);
        assertThat(ApiCalls.json(stay).path("error").asText()).isEqualTo("password-change-required");
        assertThat(withToken("GET", "/api/me", restricted, null).statusCode()).isEqualTo(403);

        HttpResponse<String> changed = withToken("POST", AccountRoutes.OWN_PASSWORD, restricted,
                Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String full = ApiCalls.json(changed).path("token").asText();
        assertThat(withToken("GET", "/api/overstayers", full, null).statusCode()).isEqualTo(200);
        assertThat(withToken("GET", "/api/overstayers", restricted, null).statusCode())
                .as("the one-time session ended with the change").isEqualTo(401);
        assertThat(login("analyst.new", oneTime).statusCode()).as("the one-time password is spent").isEqualTo(401);
        assertThat(login("analyst.new", OWN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void supervisorsSeeWhoCreatedWhichAccountWithWhatRole() {
        api.expect(201, "POST", "/api/users", "admin", Map.of("username", "analyst.seen", "role", "analyst"),
                "X-Purpose", "new analyst for the audit team");

        JsonNode events = api.expect(200, "GET", "/api/account-events", "supervisor.a", null);

        JsonNode created = event(events, "user.create", "user/analyst.seen ");
        assertThat(created).as("the creation is listed for supervisors: %s", events).isNotNull();
        assertThat(created.path("actor").asText()).isEqualTo("admin");
        assertThat(created.path("subject").asText()).contains("role=analyst");
        assertThat(created.path("purpose").asText()).isEqualTo("new analyst for the audit team");
        assertThat(api.send("GET", "/api/account-events", "officer.a", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleChangeIsLoggedAndEndsTheSessionsThatCarriedTheOldRole() {
        issueAndSetPassword("officer.moved", "officer", "POST-A");
        String token = ApiCalls.json(login("officer.moved", OWN_PASSWORD)).path("token").asText();

        JsonNode changed = api.expect(200, "PATCH", "/api/users/officer.moved", "admin",
                Map.of("role", "supervisor", "post", "POST-B"));

        assertThat(changed.path("role").asText()).as("roles are spelled as the README does, in every answer").isEqualTo("supervisor");
        assertThat(changed.path("postId").asText()).isEqualTo("POST-B");
        assertThat(withToken("GET", "/api/crossings", token, null).statusCode())
                .as("a token issued to the officer at POST-A is no longer good").isEqualTo(401);
        JsonNode event = event(api.expect(200, "GET", "/api/account-events", "supervisor.a", null), "user.change",
                "user/officer.moved ");
        assertThat(event).isNotNull();
        assertThat(event.path("subject").asText()).contains("role=officer post=POST-A -> role=supervisor post=POST-B");
    }

    @Test
    void anAdminCannotChangeTheirOwnRoleNorDisableThemselves() {
        HttpResponse<String> demote = api.send("PATCH", "/api/users/ADMIN", "admin", Map.of("role", "analyst"));
        HttpResponse<String> disable = api.send("POST", "/api/users/admin/disable", "admin", null);

        assertThat(demote.statusCode()).as(demote.body()).isEqualTo(403);
        assertThat(ApiCalls.json(demote).path("error").asText()).isEqualTo("own-account");
        assertThat(disable.statusCode()).as(disable.body()).isEqualTo(403);
        assertThat(api.send("GET", "/api/users", "admin", null).statusCode()).isEqualTo(200);
    }

    @Test
    void disablingEndsTheUsersSessionsAndEnablingLetsThemBackIn() {
        issueAndSetPassword("officer.leaving", "officer", "POST-A");
        String token = ApiCalls.json(login("officer.leaving", OWN_PASSWORD)).path("token").asText();

        JsonNode disabled = api.expect(200, "POST", "/api/users/officer.leaving/disable", "admin", null);

        assertThat(disabled.path("disabled").asBoolean()).isTrue();
        assertThat(withToken("GET", "/api/crossings", token, null).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = login("officer.leaving", OWN_PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiCalls.json(refused).path("error").asText()).isEqualTo("account-disabled");

        api.expect(200, "POST", "/api/users/officer.leaving/enable", "admin", null);

        assertThat(login("officer.leaving", OWN_PASSWORD).statusCode()).isEqualTo(200);
        List<String> actions = actions(api.expect(200, "GET", "/api/account-events", "supervisor.a", null),
                "user/officer.leaving ");
        assertThat(actions).as("newest first").containsSubsequence("user.enable", "user.disable", "user.create");
    }

    @Test
    void aPasswordResetGivesAOneTimePasswordAndEndsTheOldPassword() {
        issueAndSetPassword("officer.forgot", "officer", "POST-A");

        JsonNode reset = api.expect(200, "POST", "/api/users/Officer.Forgot/password-reset", "admin", null);

        String oneTime = reset.path("oneTimePassword").asText();
        assertThat(login("officer.forgot", OWN_PASSWORD).statusCode()).isEqualTo(401);
        JsonNode first = ApiCalls.json(login("officer.forgot", oneTime));
        assertThat(first.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(withToken("GET", "/api/crossings", first.path("token").asText(), null).statusCode()).isEqualTo(403);
        assertThat(actions(api.expect(200, "GET", "/api/account-events", "admin", null), "user/officer.forgot "))
                .contains("user.password-reset", "user.password-change");
    }

    @Test
    void theOneTimePasswordCannotBeKeptAsTheNewOne() {
        JsonNode created = api.expect(201, "POST", "/api/users", "admin", Map.of("username", "analyst.lazy", "role", "analyst"));
        String oneTime = created.path("oneTimePassword").asText();
        String restricted = ApiCalls.json(login("analyst.lazy", oneTime)).path("token").asText();

        HttpResponse<String> same = withToken("POST", AccountRoutes.OWN_PASSWORD, restricted,
                Map.of("currentPassword", oneTime, "newPassword", oneTime));

        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(same).path("field").asText()).isEqualTo("newPassword");
    }

    @Test
    void unknownUsersAndBadInputAnswerWithTheField() {
        HttpResponse<String> missing = api.send("POST", "/api/users/nobody.here/disable", "admin", null);
        HttpResponse<String> noPost = api.send("POST", "/api/users", "admin", Map.of("username", "officer.x", "role", "officer"));
        HttpResponse<String> badRole = api.send("PATCH", "/api/users/officer.b", "admin", Map.of("role", "king"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(noPost.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(noPost).path("field").asText()).as("the field as the API now spells it").isEqualTo("postId");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(badRole).path("field").asText()).isEqualTo("role");
    }

    /** Creates an account as the admin and sets its own password as the user would at first login. */
    private static void issueAndSetPassword(String username, String role, String post) {
        JsonNode created = api.expect(201, "POST", "/api/users", "admin", Map.of("username", username, "role", role,
                "post", post));
        String oneTime = created.path("oneTimePassword").asText();
        String restricted = ApiCalls.json(login(username, oneTime)).path("token").asText();
        HttpResponse<String> changed = withToken("POST", AccountRoutes.OWN_PASSWORD, restricted,
                Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    static HttpResponse<String> login(String username, String password) {
        return api.send("POST", "/api/login", null, Map.of("username", username, "password", password));
    }

    private static HttpResponse<String> withToken(String method, String path, String token, Object body) {
        return api.send(method, path, null, body, "Authorization", "Bearer " + token);
    }

    private static JsonNode event(JsonNode events, String action, String subjectPrefix) {
        for (JsonNode e : events) {
            JsonNode access = e.path("access");
            if (access.path("action").asText().equals(action) && (access.path("subject").asText() + " ").startsWith(subjectPrefix)) {
                return access;
            }
        }
        return null;
    }

    private static List<String> actions(JsonNode events, String subjectPrefix) {
        List<String> actions = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode access = e.path("access");
            if ((access.path("subject").asText() + " ").startsWith(subjectPrefix)) {
                actions.add(access.path("action").asText());
            }
        }
        return actions;
    }
}

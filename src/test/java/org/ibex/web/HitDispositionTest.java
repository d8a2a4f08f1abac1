package org.ibex.web;

import org.ibex.store.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What officers and supervisors do with hits: dispositions are kept as a trail; confirming takes a second
 * person, a supervisor; a confirmation outranks an officer's clearance; a clearance suppresses only that person
 * against that entry, shows at the next crossing, expires, and can be revoked by a supervisor.
 */
class HitDispositionTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String LIST = "id,name\nW1,Haddad Omar\nW2,Haddad Omar\nW3,Nassar Karim\n";
    private final TestClock clock = new TestClock(NOW);
    private TestNode node;
    private ApiCalls api;
    private int crossings;

    @BeforeEach
    void startNodeWithAPostList() {
        node = new TestNode(clock);
        api = new ApiCalls(node);
        node.addUser("supervisor.a2", Role.SUPERVISOR, "POST-A");
        node.addUser("officer.a2", Role.OFFICER, "POST-A");
        api.expect(200, "PUT", "/api/watchlists/alerts?format=csv", "supervisor.a", LIST);
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    private static String passport(String surname, String given, String number, LocalDate birth) {
        return MrzWriter.td3("LBN", surname, given, number, "LBN", birth, "M", LocalDate.of(2035, 1, 1), null);
    }

    private static String nassar() {
        return passport("NASSAR", "KARIM", "LB3000001", LocalDate.of(1975, 6, 1));
    }

    /** Records the traveller's next crossing at POST-A, alternating entry and exit. */
    private JsonNode cross(String mrz) {
        String direction = crossings++ % 2 == 0 ? "ENTRY" : "EXIT";
        return api.expect(201, "POST", "/api/crossings", "officer.a", ApiCalls.crossing(direction, "POST-A", mrz));
    }

    private static long crossingId(JsonNode recorded) {
        return recorded.at("/crossing/id").asLong();
    }

    private static JsonNode hitOn(JsonNode recorded, String entry) {
        for (JsonNode hit : recorded.path("hits")) {
            if (hit.path("entryId").asText().equals(entry)) {
                return hit;
            }
        }
        throw new AssertionError("no hit on " + entry + " in " + recorded.path("hits"));
    }

    private HttpResponse<String> dispose(JsonNode recorded, String entry, String user, String outcome) {
        return api.send("POST", "/api/crossings/" + crossingId(recorded) + "/hits/" + hitOn(recorded, entry).path("id").asLong()
                + "/disposition", user, Map.of("outcome", outcome, "reason", outcome + " by " + user));
    }

    @Test
    void anOfficerCannotClearAHitASupervisorConfirmed() {
        JsonNode first = cross(nassar());
        assertThat(dispose(first, "W3", "supervisor.a", "CONFIRMED").statusCode()).isEqualTo(200);

        HttpResponse<String> cleared = dispose(first, "W3", "officer.a", "FALSE_ALERT");

        assertThat(cleared.statusCode()).as("the confirmation outranks the clearance: " + cleared.body()).isEqualTo(409);
        JsonNode next = cross(nassar());
        assertThat(next.at("/crossing/decision").asText()).as("the listed person is still stopped").isEqualTo("REFER");
        assertThat(hitOn(next, "W3").path("suppression").isNull()).isTrue();
    }

    @Test
    void aPersonConfirmedAgainstAnEntryCannotBeClearedAgainstItLater() {
        JsonNode first = cross(nassar());
        assertThat(dispose(first, "W3", "officer.a", "CONFIRMED").statusCode()).isEqualTo(200);
        assertThat(dispose(first, "W3", "supervisor.a", "CONFIRMED").statusCode()).isEqualTo(200);
        assertThat(dispose(first, "W3", "supervisor.a2", "FALSE_ALERT").statusCode())
                .as("a confirmed hit cannot be cleared, even by a supervisor").isEqualTo(409);

        JsonNode next = cross(nassar());
        HttpResponse<String> cleared = dispose(next, "W3", "officer.a", "FALSE_ALERT");

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(409);
        assertThat(ApiCalls.json(cleared).path("error").asText()).isEqualTo("confirmed-person");
        assertThat(cross(nassar()).at("/crossing/decision").asText()).isEqualTo("REFER");
    }

    @Test
    void confirmingTakesASecondPersonWhoIsASupervisor() {
        JsonNode recorded = cross(nassar());

        JsonNode pending = ApiCalls.json(dispose(recorded, "W3", "officer.a", "CONFIRMED"));
        assertThat(pending.path("status").asText()).as("one confirmation leaves it pending").isEqualTo("CONFIRMATION_PENDING");
        HttpResponse<String> twice = dispose(recorded, "W3", "officer.a", "CONFIRMED");
        assertThat(twice.statusCode()).as("the same user twice: " + twice.body()).isEqualTo(409);
        assertThat(ApiCalls.json(twice).path("error").asText()).isEqualTo("second-person-required");
        assertThat(dispose(recorded, "W3", "officer.a2", "CONFIRMED").statusCode())
                .as("the second person must be a supervisor").isEqualTo(403);
        assertThat(dispose(recorded, "W3", "officer.a2", "FALSE_ALERT").statusCode())
                .as("nor may an officer clear a hit awaiting its second confirmation").isEqualTo(409);

        JsonNode confirmed = ApiCalls.json(dispose(recorded, "W3", "supervisor.a", "CONFIRMED"));

        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("history").size()).as("every disposition stays on the trail").isEqualTo(2);
        assertThat(confirmed.at("/history/0/decidedBy").asText()).isEqualTo("officer.a");
        assertThat(confirmed.at("/history/1/decidedBy").asText()).isEqualTo("supervisor.a");
        assertThat(api.expect(200, "GET", "/api/access-log?limit=50", "admin", null).toString())
                .contains("hit.confirm_first").contains("hit.confirmed");
    }

    @Test
    void aClearanceSuppressesOnlyThatPersonAgainstThatEntryAndShowsAtTheNextCrossing() {
        String omar = passport("HADDAD", "OMAR", "LB1000001", LocalDate.of(1980, 2, 2));
        JsonNode first = cross(omar);
        assertThat(first.path("hits").size()).as("two entries list the same name").isEqualTo(2);
        assertThat(dispose(first, "W1", "officer.a", "FALSE_ALERT").statusCode()).isEqualTo(200);

        JsonNode next = cross(omar);

        assertThat(next.path("hits").size()).as("both hits are still stored and shown").isEqualTo(2);
        assertThat(hitOn(next, "W1").at("/suppression/note").asText())
                .isEqualTo("suppressed by officer.a on 2026-11-24 as a false alert for this person, until 2027-05-23");
        assertThat(hitOn(next, "W2").path("suppression").isNull()).as("another entry is not cleared").isTrue();
        assertThat(next.at("/crossing/decision").asText()).as("W2 still stands").isEqualTo("REFER");
        assertThat(next.at("/crossing/reasons").toString()).as("the decision notes the suppression")
                .contains("watchlist-hit-suppressed").contains("suppressed by officer.a on 2026-11-24");

        JsonNode namesake = cross(passport("HADDAD", "OMAR", "LB2000002", LocalDate.of(1991, 9, 9)));
        assertThat(namesake.path("hits").findValues("suppression").stream().allMatch(JsonNode::isNull))
                .as("another person with the same name is not cleared").isTrue();
    }

    @Test
    void aClearanceExpires() {
        JsonNode first = cross(nassar());
        assertThat(dispose(first, "W3", "officer.a", "FALSE_ALERT").statusCode()).isEqualTo(200);
        assertThat(cross(nassar()).at("/crossing/decision").asText()).isEqualTo("ADMIT");

        clock.advance(Duration.ofDays(181));
        api = new ApiCalls(node); // the sessions expired meanwhile: log in afresh

        JsonNode later = cross(nassar());
        assertThat(later.at("/crossing/decision").asText()).as("after 180 days the hit stops them again").isEqualTo("REFER");
        assertThat(hitOn(later, "W3").path("suppression").isNull()).isTrue();
    }

    @Test
    void aSupervisorRevokesAClearanceAndTheHitStopsTheTravellerAgain() {
        JsonNode first = cross(nassar());
        assertThat(dispose(first, "W3", "officer.a", "FALSE_ALERT").statusCode()).isEqualTo(200);
        long clearance = hitOn(cross(nassar()), "W3").at("/suppression/clearanceId").asLong();
        String path = "/api/clearances/" + clearance + "/revoke";

        assertThat(api.send("POST", path, "officer.a", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", path, "supervisor.a", Map.of()).statusCode()).as("a reason is required").isEqualTo(400);
        JsonNode revoked = api.expect(200, "POST", path, "supervisor.a", Map.of("reason", "new intelligence"));

        assertThat(revoked.path("revokedBy").asText()).isEqualTo("supervisor.a");
        assertThat(api.send("POST", path, "supervisor.a", Map.of("reason", "again")).statusCode()).isEqualTo(409);
        assertThat(cross(nassar()).at("/crossing/decision").asText()).isEqualTo("REFER");
        assertThat(api.expect(200, "GET", "/api/access-log?limit=50", "admin", null).toString())
                .contains("clearance.revoke").contains("clearance/" + clearance + " until 2027-05-23");
    }

    @Test
    void aSupervisorOfAnotherPostCannotRevokeAClearanceOfATravellerWhoNeverCrossedThere() {
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        JsonNode first = cross(nassar());
        assertThat(dispose(first, "W3", "officer.a", "FALSE_ALERT").statusCode()).isEqualTo(200);
        long clearance = hitOn(cross(nassar()), "W3").at("/suppression/clearanceId").asLong();

        HttpResponse<String> refused = api.send("POST", "/api/clearances/" + clearance + "/revoke", "supervisor.b",
                Map.of("reason", "not my traveller"));

        assertThat(refused.statusCode()).as("read as a clearance that does not exist: " + refused.body()).isEqualTo(404);
        assertThat(cross(nassar()).at("/crossing/decision").asText()).as("the clearance stands").isEqualTo("ADMIT");
    }

    @Test
    void aConfirmationRevokesTheClearanceBeforeIt() {
        JsonNode first = cross(nassar());
        assertThat(dispose(first, "W3", "officer.a", "FALSE_ALERT").statusCode()).isEqualTo(200);
        JsonNode suppressed = cross(nassar());
        assertThat(suppressed.at("/crossing/decision").asText()).isEqualTo("ADMIT");

        assertThat(dispose(suppressed, "W3", "supervisor.a", "CONFIRMED").statusCode()).isEqualTo(200);

        assertThat(cross(nassar()).at("/crossing/decision").asText())
                .as("once someone confirms the person is listed, the clearance no longer suppresses").isEqualTo("REFER");
    }
}

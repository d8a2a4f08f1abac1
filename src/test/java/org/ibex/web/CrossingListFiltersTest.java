package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/crossings} for daily work: filtered by decision, open hits, direction, dates, post and person,
 * paged newest first by id with a {@code Link: <...>; rel="next"} header, the body still a JSON array.
 */
class CrossingListFiltersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static TestNode node;
    private static ApiCalls api;
    private static long admitted;
    private static long refused;
    private static long listed;
    private static long cleared;
    private static long exited;
    private static long elsewhere;

    @BeforeAll
    static void startNodeWithCrossingsOfEveryKind() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("officer.a2", Role.OFFICER, "POST-A");
        api.expect(200, "PUT", "/api/watchlists/alerts?format=csv", "supervisor.a", "id,name\nW1,Haddad Omar\nW2,Saleh Rami\n");
        admitted = id(api.enter("officer.a", "POST-A", ApiCalls.passport("ADMITTED", "AD1234567")));
        refused = id(api.enter("officer.a", "POST-A", ApiCalls.passport("EXPIRED", "EX1234567",
                LocalDate.of(1980, 1, 1), TODAY.minusDays(3))));
        listed = id(api.enter("officer.a", "POST-A", listedName("HADDAD", "OMAR", "LB1000001")));
        JsonNode hit = api.enter("officer.a", "POST-A", listedName("SALEH", "RAMI", "LB1000002"));
        cleared = id(hit);
        api.expect(200, "POST", "/api/crossings/" + cleared + "/hits/" + hit.at("/hits/0/id").asLong() + "/disposition",
                "officer.a", Map.of("outcome", "FALSE_ALERT", "reason", "another man, other birth date"));
        exited = id(api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("EXIT", "POST-A", ApiCalls.passport("ADMITTED", "AD1234567"))));
        elsewhere = id(api.enter("officer.b", "POST-B", ApiCalls.passport("ELSEWHERE", "EW1234567")));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** A Lebanese passport of a name on the post's list. */
    private static String listedName(String surname, String given, String number) {
        return MrzWriter.td3("LBN", surname, given, number, "LBN", LocalDate.of(1975, 6, 1), "M", LocalDate.of(2035, 1, 1),
                null);
    }

    private static long id(JsonNode recorded) {
        return recorded.at("/crossing/id").asLong();
    }

    private static List<Long> ids(String query, String user) {
        List<Long> ids = new ArrayList<>();
        api.expect(200, "GET", "/api/crossings" + query, user, null).forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    @Test
    void decisionAndDirectionFilterInAnyCase() {
        assertThat(ids("?decision=REFUSE", "analyst")).containsExactly(refused);
        assertThat(ids("?decision=refer", "analyst")).as("the watchlist hits were referred").contains(listed)
                .doesNotContain(admitted, refused);
        assertThat(ids("?direction=exit", "analyst")).containsExactly(exited);
        assertThat(ids("?direction=ENTRY&decision=ADMIT&post=POST-A", "analyst")).contains(admitted)
                .doesNotContain(exited, elsewhere, refused);
    }

    @Test
    void openHitsAreTheCrossingsWithAHitAwaitingADisposition() {
        assertThat(ids("?openHits=true", "supervisor.a")).as("HADDAD's hit awaits a decision; SALEH's was cleared")
                .containsExactly(listed);
        assertThat(ids("?openHits=false", "supervisor.a")).contains(admitted, cleared, exited).doesNotContain(listed);
    }

    @Test
    void theDomainFindsByNationalityDocumentNumberAndPartOfTheNameWithWildcardsTakenLiterally() {
        var analyst = new org.ibex.access.Actor(new org.ibex.access.User("analyst", Role.ANALYST, null), "test",
                "127.0.0.1");
        java.util.function.BiFunction<String, String, List<Long>> find = (nationality, search) -> node.services.border()
                .list(new org.ibex.border.CrossingRepository.Filter(null, null, null, null, null, null, null, null,
                        100, nationality, search), analyst).stream().map(org.ibex.border.Crossing::id).toList();
        assertThat(find.apply("LBN", null)).contains(listed, cleared).doesNotContain(admitted, elsewhere);
        assertThat(find.apply(null, "EW1234567")).containsExactly(elsewhere);
        assertThat(find.apply(null, "EW12345")).as("a number is matched whole").isEmpty();
        assertThat(find.apply(null, "omar hadd")).containsExactly(listed);
        assertThat(find.apply(null, "haddad")).containsExactly(listed);
        assertThat(find.apply("FRA", "haddad")).isEmpty();
        assertThat(find.apply(null, "%")).as("a wildcard is a character like another").isEmpty();
        assertThat(find.apply(null, "H_DDAD")).isEmpty();
    }

    @Test
    void officersAreKeptToTheirPostAndAnalystsChooseOne() {
        assertThat(ids("", "officer.a")).contains(admitted).doesNotContain(elsewhere);
        assertThat(ids("?post=POST-B", "analyst")).containsExactly(elsewhere);
        assertThat(api.send("GET", "/api/crossings?post=POST-B", "officer.a", null).statusCode()).isEqualTo(403);
    }

    @Test
    void dateRangeAndPersonFilter() {
        assertThat(ids("?from=" + TODAY + "&to=" + TODAY, "analyst")).hasSize(6);
        assertThat(ids("?from=" + TODAY.plusDays(1), "analyst")).isEmpty();
        long person = api.expect(200, "GET", "/api/crossings/" + admitted, "analyst", null).path("personId").asLong();
        assertThat(ids("?person=" + person, "analyst")).containsExactly(exited, admitted);
    }

    @Test
    void pagesFollowTheNextLinkNewestFirstByIdWithoutGapsOrRepeats() {
        List<Long> all = ids("?limit=1000", "analyst");
        assertThat(all).as("newest first by id").isSortedAccordingTo((a, b) -> Long.compare(b, a));

        List<Long> paged = new ArrayList<>();
        String next = "/api/crossings?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = api.send("GET", next, "analyst", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            ApiCalls.json(response).forEach(c -> paged.add(c.path("id").asLong()));
            next = response.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            assertThat(next == null || response.headers().firstValue("Link").get().endsWith("rel=\"next\"")).isTrue();
            pages++;
        }
        assertThat(paged).as("every crossing once, in the same order").isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
        assertThat(api.send("GET", "/api/crossings?decision=REFUSE&limit=5", "analyst", null).headers()
                .firstValue("Link")).as("the last page names no next one").isEmpty();
    }

    @Test
    void badFilterValuesNameTheParameterAndTheRule() {
        Map<String, String> fieldOf = Map.of("decision=MAYBE", "decision", "direction=sideways", "direction",
                "openHits=yes", "openHits", "before=-3", "before", "from=2026-11-24&to=2026-11-01", "to",
                "person=abc", "person", "limit=0", "limit");
        fieldOf.forEach((query, field) -> {
            HttpResponse<String> response = api.send("GET", "/api/crossings?" + query, "analyst", null);
            assertThat(response.statusCode()).as("%s -> %s", query, response.body()).isEqualTo(400);
            assertThat(ApiCalls.json(response).path("field").asText()).as(query).isEqualTo(field);
            assertThat(response.body()).doesNotContain("Exception", "org.ibex");
        });
    }
}

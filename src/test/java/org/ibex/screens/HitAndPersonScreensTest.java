package org.ibex.screens;

import org.ibex.audit.AccessLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hit and person screens on the server side, over plain HTTP: who may open what, the two-person rule of a
 * confirmation, hostile input answered with a page that names the field, and the purpose each look-up is logged with.
 */
class HitAndPersonScreensTest {
    private static DemoSite site;
    private static HitScenario scenario;

    @BeforeAll
    static void start() {
        site = DemoSite.get();
        scenario = new HitScenario(site, "http");
    }

    private static PageClient supervisor() {
        return new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
    }

    @Test
    void anOfficerIsRefusedTheHitsAndTheirReviewOnTheServer() {
        PageClient officer = new PageClient(site).login("officer.air", "demo-officer-pass");
        assertThat(officer.get("/supervisor/hits").statusCode()).isEqualTo(403);
        HttpResponse<String> post = officer.post(scenario.reviewPath(), Map.of("outcome", "FALSE_ALERT", "reason", "x"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("You cannot open this page");
    }

    @Test
    void theListShowsTheHitWithTheTravellerAndTheExplanation() {
        HttpResponse<String> list = supervisor().get("/supervisor/hits");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(scenario.documentNumber, scenario.reviewPath(), "listed as");
    }

    @Test
    void confirmingTakesASecondSupervisorAndTheFirstCannotConfirmTwice() {
        HitScenario own = new HitScenario(site, "two");
        PageClient first = supervisor();
        HttpResponse<String> proposed = first.post(own.reviewPath(), Map.of("outcome", "CONFIRMED",
                "reason", "photo and birth date agree"));
        assertThat(proposed.statusCode()).isEqualTo(303);
        assertThat(first.get(own.reviewPath()).body()).contains("Awaiting second confirmation",
                "You confirmed this hit").doesNotContain("value=\"CONFIRMED\"");

        HttpResponse<String> again = first.post(own.reviewPath(), Map.of("outcome", "CONFIRMED", "reason", "again"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("A different supervisor must give the second confirmation", "Error:");

        PageClient second = new PageClient(site).login(own.secondSupervisor, HitScenario.PASSWORD);
        assertThat(second.get(own.reviewPath()).body()).contains("Your confirmation completes it");
        HttpResponse<String> confirmed = second.post(own.reviewPath(), Map.of("outcome", "CONFIRMED",
                "reason", "I checked the file too"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        String after = second.get(own.reviewPath()).body();
        assertThat(after).contains("Confirmed", "photo and birth date agree", "I checked the file too")
                .doesNotContain("Record the decision");
        assertThat(first.get("/supervisor/hits").body()).doesNotContain(own.reviewPath());
    }

    @Test
    void hostileInputIsRefusedWithTheFieldNamedNeverA500() {
        PageClient supervisor = supervisor();
        HttpResponse<String> badOutcome = supervisor.post(scenario.reviewPath(), Map.of("outcome",
                "CONFIRMED'; DROP TABLE screening_hit;--", "reason", "<script>alert(1)</script>"));
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(badOutcome.body()).contains("Choose whether the hit is confirmed or a false alert", "href=\"#outcome\"")
                .doesNotContain("<script>alert(1)</script>");
        HttpResponse<String> longReason = supervisor.post(scenario.reviewPath(), Map.of("outcome", "FALSE_ALERT",
                "reason", "x".repeat(5000)));
        assertThat(longReason.statusCode()).isEqualTo(400);
        assertThat(longReason.body()).contains("1,000 characters or fewer");
        HttpResponse<String> noReason = supervisor.post(scenario.reviewPath(), Map.of("outcome", "FALSE_ALERT"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Enter the reason for your decision");
        HttpResponse<String> badPage = supervisor.get("/supervisor/hits?before=1;DROP");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("before");
        assertThat(supervisor.get("/supervisor/hits/abc/1").statusCode()).isEqualTo(404);
        assertThat(supervisor.get("/persons/99999999999999999999").statusCode()).isEqualTo(404);
        HttpResponse<String> longSearch = supervisor.get("/persons?q=" + "A".repeat(500));
        assertThat(longSearch.statusCode()).isEqualTo(400);
        assertThat(longSearch.body()).contains("href=\"#q\"");
        HttpResponse<String> forged = supervisor.postWithoutToken(scenario.reviewPath(), Map.of("outcome",
                "FALSE_ALERT", "reason", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorOfAnotherPostSeesNeitherTheHitNorThePersonAsIfTheyDidNotExist() {
        PageClient land = new PageClient(site).login(scenario.landSupervisor, HitScenario.PASSWORD);
        assertThat(land.get("/supervisor/hits").body()).doesNotContain(scenario.reviewPath());
        HttpResponse<String> review = land.get(scenario.reviewPath());
        HttpResponse<String> missingReview = land.get("/supervisor/hits/999999999/1");
        assertThat(review.statusCode()).isEqualTo(404).isEqualTo(missingReview.statusCode());
        HttpResponse<String> person = land.post("/persons/" + scenario.personId, Map.of("purpose", "identity"));
        HttpResponse<String> missing = land.post("/persons/999999999", Map.of("purpose", "identity"));
        assertThat(person.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(person.body().replace("/persons/" + scenario.personId, "/persons/999999999"))
                .isEqualTo(missing.body());
        assertThat(land.get("/persons/" + scenario.personId + "?purpose=hit-review:" + scenario.hitId).statusCode())
                .isEqualTo(404);
        assertThat(land.get("/persons?q=" + scenario.surname).body()).contains("No person found")
                .doesNotContain(scenario.surname + ",");
    }

    @Test
    void aDirectVisitAsksThePurposeAndLogsItAndAForgedPurposeIsNotTrusted() {
        PageClient supervisor = supervisor();
        HttpResponse<String> asked = supervisor.get("/persons/" + scenario.personId + "?purpose=just+curious");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Purpose of this look-up").doesNotContain(scenario.documentNumber);

        HttpResponse<String> missing = supervisor.post("/persons/" + scenario.personId, Map.of("purpose", "",
                "details", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Choose the purpose of this look-up").doesNotContain(scenario.documentNumber);
        HttpResponse<String> other = supervisor.post("/persons/" + scenario.personId, Map.of("purpose", "other",
                "details", ""));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("href=\"#details\"");

        HttpResponse<String> file = supervisor.post("/persons/" + scenario.personId, Map.of("purpose", "identity",
                "details", "case 42"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains(scenario.documentNumber, "identity check: case 42", "Who looked at this person");
        assertThat(loggedPurposes()).contains("identity check: case 42");

        HttpResponse<String> implied = supervisor.get("/persons/" + scenario.personId + "?purpose=hit-review:"
                + scenario.hitId);
        assertThat(implied.statusCode()).isEqualTo(200);
        assertThat(loggedPurposes()).contains("hit review: hit " + scenario.hitId);
    }

    @Test
    void theSearchFindsTheTravellerByNameAndByDocumentNumberAndIsLogged() {
        PageClient supervisor = supervisor();
        assertThat(supervisor.get("/persons?q=" + scenario.surname.toLowerCase()).body())
                .contains("/persons/" + scenario.personId + "\"");
        assertThat(supervisor.get("/persons?q=" + scenario.documentNumber).body())
                .contains("/persons/" + scenario.personId + "\"");
        assertThat(site.node.services.accessLog().recent("person.search", 20)).extracting(e -> e.access().subject())
                .anyMatch(s -> s.contains(scenario.documentNumber));
    }

    private static java.util.List<String> loggedPurposes() {
        return site.node.services.accessLog().recent("person.read", 50).stream()
                .filter(e -> e.access().subject().equals("person/" + scenario.personId))
                .map(e -> e.access().purpose()).toList();
    }
}

package org.ibex.screens;

import org.ibex.border.Crossing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's screens on the server, without a browser: who may open them, that a supervisor sees their own
 * post only, and that hostile filters and forms get a page naming the field, never a failure.
 */
class SupervisorScreensTest {
    private static DemoSite site;
    private static SupervisorTestData data;
    private static PageClient supervisor;
    private static PageClient officer;

    @BeforeAll
    static void logIn() {
        site = DemoSite.get();
        data = new SupervisorTestData(site);
        supervisor = new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
        officer = new PageClient(site).login("officer.air", "demo-officer-pass");
    }

    @Test
    void anOfficerGetsTheForbiddenPageOnEveryUrl() {
        Crossing referred = data.enter("officer.air", "UTO-AIR", SupervisorTestData.misread(
                SupervisorTestData.mrz(SupervisorTestData.freshSurname("OFF"), SupervisorTestData.freshNumber(), "FRA")));
        for (String path : List.of("/supervisor/crossings", "/supervisor/crossings?decision=REFER",
                "/supervisor/referrals", "/supervisor/referrals/" + referred.id(), "/supervisor/users")) {
            HttpResponse<String> page = officer.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("You cannot open this page").doesNotContain(referred.document()
                    .documentNumber());
        }
        HttpResponse<String> post = officer.post("/supervisor/referrals/" + referred.id(),
                Map.of("reason", "second line", "mrz", referred.document().mrz()));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(supervisor.get("/supervisor/referrals").body()).contains(referred.document().documentNumber());
    }

    @Test
    void aSupervisorOfTheAirportNeverSeesALandCrossing() {
        String number = SupervisorTestData.freshNumber();
        String surname = SupervisorTestData.freshSurname("LAND");
        Crossing land = data.enter("officer.land", "UTO-LAND", SupervisorTestData.misread(
                SupervisorTestData.mrz(surname, number, "FRA")));
        // The results alone (as htmx asks them): the whole page repeats the search in its field.
        assertThat(supervisor.htmxGet("/supervisor/crossings?q=" + number).body()).doesNotContain(number)
                .contains("Nothing to show");
        assertThat(supervisor.htmxGet("/supervisor/crossings?q=" + surname).body()).doesNotContain(surname);
        assertThat(supervisor.htmxGet("/supervisor/crossings?decision=REFER").body()).doesNotContain(number);
        assertThat(supervisor.get("/supervisor/referrals").body()).doesNotContain(number).doesNotContain(surname);
        HttpResponse<String> detail = supervisor.get("/supervisor/referrals/" + land.id());
        assertThat(detail.statusCode()).isEqualTo(404);
        assertThat(detail.body()).doesNotContain(number);
        HttpResponse<String> outcome = supervisor.post("/supervisor/referrals/" + land.id(),
                Map.of("reason", "not mine", "mrz", land.document().mrz()));
        assertThat(outcome.statusCode()).isEqualTo(404);
        assertThat(supervisor.get("/supervisor/users").body()).contains("officer.air")
                .doesNotContain("officer.land").doesNotContain("officer.sea");
    }

    @Test
    void theFiltersFindByNumberNameAndNationalityAndAnHtmxRequestGetsTheTableAlone() {
        String surname = SupervisorTestData.freshSurname("FILT");
        String sweden = SupervisorTestData.freshNumber();
        String thailand = SupervisorTestData.freshNumber();
        data.enter("officer.air", "UTO-AIR", SupervisorTestData.mrz(surname, sweden, "SWE"));
        data.enter("officer.air", "UTO-AIR", SupervisorTestData.mrz(surname, thailand, "THA"));
        assertThat(supervisor.htmxGet("/supervisor/crossings?q=" + sweden).body()).contains(sweden)
                .doesNotContain(thailand);
        assertThat(supervisor.get("/supervisor/crossings?q=" + surname.toLowerCase()).body())
                .contains(sweden, thailand);
        assertThat(supervisor.htmxGet("/supervisor/crossings?nationality=tha&q=" + surname + "&direction=ENTRY")
                .body()).contains(thailand).doesNotContain(sweden);
        assertThat(supervisor.htmxGet("/supervisor/crossings?q=" + surname + "&direction=EXIT").body())
                .doesNotContain(sweden).contains("Nothing to show");
        HttpResponse<String> fragment = supervisor.htmxGet("/supervisor/crossings?q=" + surname);
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<section id=\"crossing-results\"").contains(sweden)
                .doesNotContain("<html");
    }

    @Test
    void pagesFollowTheOlderLinkWithTheSameFiltersWithoutGapsOrRepeats() {
        String surname = SupervisorTestData.freshSurname("PAGE");
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < CrossingQuery.PAGE_SIZE + 1; i++) {
            numbers.add(SupervisorTestData.freshNumber());
            data.enter("officer.air", "UTO-AIR", SupervisorTestData.mrz(surname, numbers.get(i), "SWE"));
        }
        String first = supervisor.htmxGet("/supervisor/crossings?q=" + surname).body();
        Matcher older = Pattern.compile("href=\"(/supervisor/crossings\\?q=" + surname + "&amp;before=\\d+)\"")
                .matcher(first);
        assertThat(older.find()).as("a link to the older crossings, keeping the filter").isTrue();
        String second = supervisor.htmxGet(older.group(1).replace("&amp;", "&")).body();
        assertThat(numbers.subList(1, numbers.size())).allMatch(first::contains).noneMatch(second::contains);
        assertThat(first).doesNotContain(numbers.get(0));
        assertThat(second).contains(numbers.get(0)).doesNotContain("rel=\"next\"").contains("href=\"/supervisor/crossings?q="
                + surname + "\"");
    }

    @Test
    void hostileFiltersGetThePageWithTheFieldNamedNeverAFailure() {
        HttpResponse<String> page = supervisor.get("/supervisor/crossings?nationality=" + enc("1;DROP")
                + "&q=" + enc("<script>alert(1)</script>") + "&date=yesterday&fromTime=25:99&decision=MAYBE"
                + "&before=" + enc("' OR 1=1"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<title>Error:", "href=\"#nationality\"", "href=\"#q\"", "href=\"#date\"",
                "href=\"#fromTime\"", "href=\"#decision\"").doesNotContain("<script>alert");
        assertThat(supervisor.get("/supervisor/crossings?q=" + "A".repeat(5000)).statusCode()).isEqualTo(400);
        HttpResponse<String> htmx = supervisor.htmxGet("/supervisor/crossings?nationality=12");
        assertThat(htmx.statusCode()).isEqualTo(204);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/supervisor/crossings?nationality=12");
        assertThat(supervisor.get("/supervisor/referrals/abc").statusCode()).isEqualTo(404);
        assertThat(supervisor.get("/supervisor/referrals/99999999999999999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void anOutcomeNeedsAReasonAndTheTokenAndThenSupersedesTheReferral() {
        String number = SupervisorTestData.freshNumber();
        String good = SupervisorTestData.mrz(SupervisorTestData.freshSurname("REF"), number, "FRA");
        Crossing referred = data.enter("officer.air", "UTO-AIR", SupervisorTestData.misread(good));
        assertThat(referred.decision().name()).isEqualTo("REFER");
        String path = "/supervisor/referrals/" + referred.id();
        HttpResponse<String> noReason = supervisor.post(path, Map.of("reason", "", "mrz", good));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"", "Enter the reason for this outcome");
        HttpResponse<String> noToken = supervisor.postWithoutToken(path, Map.of("reason", "examined", "mrz", good));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> bad = supervisor.post(path, Map.of("reason", "examined", "mrz", "P<NOT AN MRZ"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#mrz\"");
        HttpResponse<String> done = supervisor.post(path, Map.of("reason", "document examined, number misread",
                "mrz", good));
        assertThat(done.statusCode()).isEqualTo(303);
        String handled = done.headers().firstValue("Location").orElseThrow();
        assertThat(handled).startsWith("/supervisor/referrals?handled=");
        assertThat(supervisor.get(handled).body()).contains("Outcome recorded for", "Admitted");
        assertThat(supervisor.get("/supervisor/referrals").body()).doesNotContain(number);
        HttpResponse<String> again = supervisor.post(path, Map.of("reason", "twice", "mrz", good));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("not awaiting second line");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

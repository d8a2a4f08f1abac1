package org.ibex.screens;

import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection desk's server side without a browser: a retried POST records once, another post's crossing is out
 * of reach, a state change without its token is refused, and hostile input gets a page naming the field, never a 500.
 */
class InspectionHttpTest {
    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.get();
    }

    private static PageClient login(String username, String password) {
        return new PageClient(site).login(username, password);
    }

    private static String passport(String number) {
        return MrzWriter.td3("UTO", "HALVORSEN", "INGRID", number, "UTO", LocalDate.of(1990, 4, 4), "F",
                LocalDate.now().plusYears(4), null);
    }

    private static String number() {
        return "H" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static int recordedWith(String number) {
        return site.node.services.database().read(c -> {
            try (var statement = c.prepareStatement("SELECT COUNT(*) FROM crossing WHERE document_number = ?")) {
                statement.setString(1, number);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Test
    void aRetriedConfirmationRecordsOneCrossing() throws Exception {
        PageClient officer = login("officer.sea", "demo-officer-pass");
        String number = number();
        Map<String, String> form = Map.of("uid", UUID.randomUUID().toString(), "direction", "ENTRY",
                "mrz", passport(number));

        HttpResponse<String> first = officer.post("/inspection/record", form);
        HttpResponse<String> again = officer.post("/inspection/record", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(recordedWith(number)).isEqualTo(1);
        assertThat(officer.get(first.headers().firstValue("Location").orElseThrow()).body()).contains(number);
    }

    @Test
    void aFormUsedForOneTravellerDoesNotRecordAnother() throws Exception {
        PageClient officer = login("officer.sea", "demo-officer-pass");
        String uid = UUID.randomUUID().toString();
        String first = number();
        String second = number();
        officer.post("/inspection/record", Map.of("uid", uid, "direction", "ENTRY", "mrz", passport(first)));

        HttpResponse<String> reused = officer.post("/inspection/record", Map.of("uid", uid, "direction", "ENTRY",
                "mrz", passport(second)));
        HttpResponse<String> reassessed = officer.post("/inspection/assess", Map.of("uid", uid, "direction", "ENTRY",
                "mrz", passport(second)));

        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("mrz-error");
        assertThat(recordedWith(second)).isZero();
        assertThat(reassessed.body()).contains("id=\"confirm\"").doesNotContain("value=\"" + uid + "\"");
    }

    @Test
    void anAssessmentRecordsNothing() throws Exception {
        PageClient officer = login("officer.sea", "demo-officer-pass");
        String number = number();

        HttpResponse<String> assessed = officer.post("/inspection/assess", Map.of("uid", UUID.randomUUID().toString(),
                "direction", "ENTRY", "mrz", passport(number)));

        assertThat(assessed.statusCode()).isEqualTo(200);
        assertThat(assessed.body()).contains("id=\"confirm\"", number);
        assertThat(recordedWith(number)).isZero();
        HttpResponse<String> fragment = officer.htmxPost("/inspection/assess",
                Map.of("uid", UUID.randomUUID().toString(), "direction", "ENTRY", "mrz", passport(number)));
        assertThat(fragment.body().strip()).startsWith("<div id=\"desk\"").doesNotContain("<html");
        assertThat(fragment.body().getBytes(StandardCharsets.UTF_8).length).as("a later interaction").isLessThan(20_000);
        HttpResponse<String> recorded = officer.htmxPost("/inspection/record",
                Map.of("uid", UUID.randomUUID().toString(), "direction", "ENTRY", "mrz", passport(number)));
        assertThat(recorded.body()).contains("insp-recorded").doesNotContain("<html");
        assertThat(recorded.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(20_000);
    }

    @Test
    void anotherPostsCrossingIsOutOfReach() throws Exception {
        PageClient sea = login("officer.sea", "demo-officer-pass");
        HttpResponse<String> recorded = sea.post("/inspection/record", Map.of("uid", UUID.randomUUID().toString(),
                "direction", "ENTRY", "mrz", passport(number())));
        String location = recorded.headers().firstValue("Location").orElseThrow();

        PageClient land = login("officer.land", "demo-officer-pass");

        assertThat(land.get(location).statusCode()).isEqualTo(404);
    }

    @Test
    void roleAndTokenAreCheckedOnTheServer() throws Exception {
        PageClient analyst = login("analyst", "demo-analyst-pass");
        assertThat(analyst.get("/inspection").statusCode()).isEqualTo(403);
        assertThat(login("supervisor.air", "demo-supervisor-pass").get("/inspection").statusCode()).isEqualTo(200);
        PageClient officer = login("officer.sea", "demo-officer-pass");
        String number = number();
        HttpResponse<String> forged = officer.post("/inspection/record", Map.of("_csrf", "forged",
                "uid", UUID.randomUUID().toString(), "direction", "ENTRY", "mrz", passport(number)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(recordedWith(number)).isZero();
    }

    @Test
    void hostileInputGetsAPageNamingTheFieldNeverA500() throws Exception {
        PageClient officer = login("officer.sea", "demo-officer-pass");
        String uid = UUID.randomUUID().toString();

        HttpResponse<String> huge = officer.post("/inspection/assess", Map.of("uid", uid, "mrz", "P<".repeat(5000)));
        HttpResponse<String> script = officer.post("/inspection/assess", Map.of("uid", uid,
                "mrz", "<script>alert(1)</script>\n" + "A".repeat(44)));
        HttpResponse<String> empty = officer.post("/inspection/assess", Map.of("uid", uid, "mrz", " "));
        HttpResponse<String> noReason = officer.post("/inspection/record", Map.of("uid", uid, "direction", "ENTRY",
                "mrz", passport(number()), "override", "REFER", "proposed", "ADMIT"));
        HttpResponse<String> badDecision = officer.post("/inspection/record", Map.of("uid", uid, "direction", "ENTRY",
                "mrz", passport(number()), "override", "DELETE", "reason", "x"));
        HttpResponse<String> badId = officer.get("/inspection?recorded=1%27%20OR%201=1");

        for (HttpResponse<String> answer : java.util.List.of(huge, script, empty, noReason, badDecision, badId)) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("<script>alert");
        }
        assertThat(huge.body()).contains("mrz-error");
        assertThat(empty.body()).contains("mrz-error", "Error:");
        assertThat(noReason.body()).contains("reason-error");
        assertThat(badDecision.body()).contains("override");
        assertThat(badId.body()).contains("recorded");
    }
}

package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyst screens and the API documentation without a browser: who may open them, and hostile input. */
class AnalystScreensHttpTest {
    private static DemoSite site;
    private static String surname;
    private static LocalDate later;

    @BeforeAll
    static void aThaiTravellerWhoStays() {
        site = DemoSite.get();
        surname = AnalystBrowserTest.freshSurname(new Random());
        later = AnalystBrowserTest.enterThai(site, surname);
    }

    @Test
    void anOfficerCannotOpenTheAnalystPagesButEveryoneOpensTheApiDocs() {
        PageClient officer = new PageClient(site).login("officer.land", "demo-officer-pass");
        assertThat(officer.get("/analyst").statusCode()).isEqualTo(403);
        assertThat(officer.get("/analyst/overstayers").statusCode()).isEqualTo(403);
        assertThat(officer.get("/analyst/overstayers.csv").statusCode()).isEqualTo(403);
        assertThat(officer.get("/docs/api").statusCode()).isEqualTo(200);
        PageClient supervisor = new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
        assertThat(supervisor.get("/analyst").statusCode()).as("the home is the analyst's").isEqualTo(403);
        HttpResponse<String> own = supervisor.get("/analyst/overstayers?nationality=THA&asOf=" + later);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).as("a supervisor of UTO-AIR sees no one who crossed at UTO-SEA only")
                .doesNotContain(surname);
        HttpResponse<String> anonymous = new PageClient(site).get("/analyst/overstayers.csv");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void hostileInputIsAClearErrorNamingTheFieldNeverAFailure() {
        PageClient analyst = new PageClient(site).login("analyst", "demo-analyst-pass");
        HttpResponse<String> script = analyst.get("/analyst/overstayers?nationality=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("<title>Error:", "href=\"#nationality\"", "three-letter")
                .doesNotContain("<script>alert");
        HttpResponse<String> date = analyst.get("/analyst/overstayers?asOf=2026-13-45&minDays=-3");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("href=\"#asOf\"", "href=\"#minDays\"");
        assertThat(analyst.get("/analyst/overstayers?post=NOWHERE").body()).contains("href=\"#post\"");
        HttpResponse<String> offset = analyst.get("/analyst/overstayers?offset=-1");
        assertThat(offset.statusCode()).isEqualTo(400);
        assertThat(offset.body()).contains("offset");
        HttpResponse<String> csv = analyst.get("/analyst/overstayers.csv?nationality=12345");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("nationality");
        assertThat(analyst.get("/analyst/overstayers?minDays=99999999999999999999").statusCode()).isEqualTo(400);
    }

    @Test
    void theCsvIsTheFilteredListWithAByteOrderMarkAsAnAttachment() {
        PageClient analyst = new PageClient(site).login("analyst", "demo-analyst-pass");
        HttpResponse<byte[]> csv = analyst.bytes("/analyst/overstayers.csv?nationality=THA&post=UTO-SEA&asOf=" + later);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"overstayers-" + later + ".csv\"");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFpersonId,surname,givenNames,nationality,");
        assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",THA,"))
                .anySatisfy(line -> assertThat(line).contains("," + surname + ","));
    }

    @Test
    void theAnalystHomeShowsTheDaysNumbersAndReservesThePlaceOfTheCharts() {
        HttpResponse<String> home = new PageClient(site).login("analyst", "demo-analyst-pass").get("/analyst");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("crossings today", "UTO-SEA", "/analyst/dashboard");
    }

    /** Used by the browser test too: a Thai passport entered today at UTO-SEA, and a day it overstays. */
    static Actor seaOfficer() {
        return new Actor(new User("officer.sea", Role.OFFICER, "UTO-SEA"), "test", "local");
    }

    static String mrz(String surname, String number) {
        return MrzWriter.td3("THA", surname, "SOMCHAI", number, "THA", LocalDate.of(1985, 3, 9), "M",
                LocalDate.now().plusYears(5), null);
    }

    static CrossingRequest entry(String surname, String number) {
        return new CrossingRequest(null, Direction.ENTRY, "UTO-SEA", null, mrz(surname, number), null, null, null, null);
    }
}

package org.ibex.screens;

import org.ibex.delivery.RunningNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions pillar's screens over plain HTTP on two federated nodes: asking and following an answer, the
 * approval queue, the ledger in the person view and its exports, who may see what (another post's question reads as
 * missing), refusals in words, and hostile input answered on its field, never with a 500.
 */
class InquiryScreensTest {
    private static FederatedSite site;

    @BeforeAll
    static void start() {
        site = FederatedSite.get();
    }

    private static PageClient at(FederatedSite.Side side, String user, String password) {
        return new PageClient(side.url("")).login(user, password);
    }

    private static PageClient policeOfficer() {
        return at(site.police, "officer.air", "demo-officer-pass");
    }

    static Map<String, String> annaCrossings() {
        Map<String, String> form = new HashMap<>(Map.of("query", "crossings", "purpose", "criminal-investigation",
                "surname", "Eriksson", "givenNames", "Anna Maria", "birthDate", "1974-08-12"));
        form.put("categories", "travel-history");
        return form;
    }

    /** Asks and follows the redirect to the question's page, where it waits until the answer has landed. */
    static String askAndAwait(PageClient client, Map<String, String> form, String landed) throws InterruptedException {
        HttpResponse<String> asked = client.post("/questions", form);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
        String path = asked.headers().firstValue("Location").orElseThrow();
        assertThat(path).matches("/questions/[0-9a-f-]{36}");
        RunningNodes.await("the answer to " + path + " lands", () -> client.get(path).body().contains(landed));
        return path;
    }

    @Test
    void anOfficerAsksAndSeesTheAnswerLandWithWhatTheAgreementReleasedAndItsRetention() throws Exception {
        PageClient officer = policeOfficer();
        HttpResponse<String> form = officer.get("/questions");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<optgroup label=\"Did this person cross the border, and when?\">",
                "<option value=\"criminal-investigation\">a criminal investigation</option>",
                "Immigration (UTO/IMM/HQ)", "value=\"UTO/IMM/HQ\"").doesNotContain("value=\"UTO/POL/HQ\"");

        String path = askAndAwait(officer, annaCrossings(), "Answered: hit");
        String answer = officer.get(path).body();
        assertThat(answer).contains("The other agency knows this person.", "UTO-AIR", "Entry", "Kept until",
                "UTO-POL-IMM@v1").doesNotContain("hx-trigger");
        HttpResponse<String> fragment = officer.htmxGet(path);
        assertThat(fragment.body().strip()).startsWith("<section id=\"answer\"").doesNotContain("<html");
        assertThat(officer.get("/questions").body()).contains(path, "Answered: hit");
    }

    @Test
    void aPendingQuestionRefreshesItselfAndSaysSo() throws Exception {
        PageClient officer = policeOfficer();
        Map<String, String> unknown = annaCrossings();
        unknown.put("surname", "Nobody");
        HttpResponse<String> asked = officer.post("/questions", unknown);
        String path = asked.headers().firstValue("Location").orElseThrow();
        String page = officer.get(path).body();
        // Either it is still pending (the fragment polls) or the no-hit already landed; both read as what they are.
        if (page.contains("hx-trigger")) {
            assertThat(page).contains("Pending", "The answer shows here as soon as it arrives", "every 3s");
        }
        RunningNodes.await("the no-hit lands", () -> officer.get(path).body().contains("Answered: no hit"));
        assertThat(officer.get(path).body()).contains("The other agency does not know this person.")
                .doesNotContain("hx-trigger");
    }

    @Test
    void anOfficerOfAnotherPostCannotSeeTheQuestionAndAnAnalystSeesEveryPost() throws Exception {
        String path = askAndAwait(policeOfficer(), annaCrossings(), "Answered");
        PageClient land = at(site.police, "officer.land", "demo-officer-pass");
        HttpResponse<String> other = land.get(path);
        HttpResponse<String> missing = land.get("/questions/00000000-0000-0000-0000-000000000000");
        assertThat(other.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(land.get("/questions").body()).doesNotContain(path);
        PageClient analyst = at(site.police, "analyst", "demo-analyst-pass");
        assertThat(analyst.get(path).statusCode()).isEqualTo(200);
        assertThat(analyst.get("/questions").body()).contains(path);
    }

    @Test
    void aQuestionTheAgreementDoesNotAllowIsRefusedInWordsWithTheAgreementsSentenceAndNothingIsSent() {
        PageClient officer = policeOfficer();
        Map<String, String> form = annaCrossings();
        form.put("purpose", "tax-audit");
        HttpResponse<String> refused = officer.post("/questions", form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The question was not sent",
                "The agreement does not allow this question for this purpose.",
                "allows crossings questions for [criminal-investigation]", "tax-audit",
                "value=\"Eriksson\"");
        Map<String, String> wanted = annaCrossings();
        wanted.put("query", "wanted");
        assertThat(officer.post("/questions", wanted).body())
                .contains("No agreement in force allows this question.", "ask a wanted question of anyone");
    }

    @Test
    void hostileInputIsAnsweredOnItsFieldNeverWithA500() {
        PageClient officer = policeOfficer();
        Map<String, String> bad = new HashMap<>(Map.of("query", "crossings'; DROP TABLE agency_question;--",
                "purpose", "criminal-investigation", "surname", "<script>alert(1)</script>", "birthDate",
                "1974-02-31", "documentNumber", "x".repeat(5000), "issuingState", "utopia", "answerer", "../../etc"));
        bad.put("categories", "everything");
        HttpResponse<String> response = officer.post("/questions", bad);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("href=\"#query\"", "href=\"#answerer\"", "href=\"#birthDate\"",
                "href=\"#categories\"", "Error:").doesNotContain("<script>alert(1)</script>", "x".repeat(401));
        assertThat(response.body().split("error-summary-title", -1)).as("one error summary").hasSize(2);
        HttpResponse<String> noSubject = officer.post("/questions", Map.of("query", "crossings", "purpose",
                "criminal-investigation"));
        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.body()).contains("Enter a document number, or a surname with a date of birth",
                "href=\"#documentNumber\"");
        Map<String, String> badDocument = annaCrossings();
        badDocument.put("documentNumber", "L89-89");
        assertThat(officer.post("/questions", badDocument).body()).contains("letters A to Z and digits only");
        Map<String, String> unknownNode = annaCrossings();
        unknownNode.put("answerer", "UTO/CUS/HQ");
        HttpResponse<String> unknown = officer.post("/questions", unknownNode);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Choose an agency from the list");
        assertThat(officer.postWithoutToken("/questions", annaCrossings()).statusCode()).isEqualTo(403);
        assertThat(officer.get("/questions/not-a-question").statusCode()).isEqualTo(404);
        assertThat(officer.get("/questions/%3Cscript%3E").statusCode()).isEqualTo(404);
    }

    @Test
    void eachPageIsRefusedToTheRolesItIsNotFor() {
        PageClient listManager = at(site.police, "listmanager", "demo-listmanager-pass");
        assertThat(listManager.get("/questions").statusCode()).isEqualTo(403);
        assertThat(listManager.post("/questions", annaCrossings()).statusCode()).isEqualTo(403);
        PageClient officer = at(site.immigration, "officer.air", "demo-officer-pass");
        assertThat(officer.get("/requests").statusCode()).isEqualTo(403);
        assertThat(officer.get("/disclosures").statusCode()).isEqualTo(403);
        assertThat(officer.get("/persons/" + FederatedSite.ANNA + "/disclosures.csv").statusCode()).isEqualTo(403);
        assertThat(officer.get("/persons/" + FederatedSite.ANNA + "/disclosures/letter").statusCode()).isEqualTo(403);
        PageClient supervisor = at(site.immigration, "supervisor.air", "demo-supervisor-pass");
        assertThat(supervisor.get("/disclosures").statusCode()).isEqualTo(403);
        PageClient admin = at(site.immigration, "admin", "demo-admin-pass");
        assertThat(admin.get("/questions").statusCode()).isEqualTo(403);
        assertThat(admin.get("/requests").statusCode()).isEqualTo(200);
        assertThat(admin.get("/disclosures").statusCode()).isEqualTo(200);
    }

    @Test
    void pollingAQuestionThatWaitsForApprovalLeavesNoLogLineUntilTheAnswerIsShown() throws Exception {
        PageClient asker = at(site.immigration, "officer.air", "demo-officer-pass");
        String path = askAndAwait(asker, new HashMap<>(Map.of("query", "wanted", "purpose", "border-control",
                "surname", "Poller", "birthDate", "1991-02-03")), "Waiting for approval");
        String id = path.substring(path.lastIndexOf('/') + 1);
        long before = reads(id);
        for (int poll = 0; poll < 3; poll++) {
            assertThat(asker.htmxGet(path).body()).contains("hx-trigger", "Waiting for approval");
        }
        assertThat(reads(id)).as("polls of a waiting question are not reads of an answer").isEqualTo(before);
        asker.get(path);
        assertThat(reads(id)).as("opening the page is").isEqualTo(before + 1);
    }

    private long reads(String questionId) {
        return site.immigration.node().database.read(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM access_log WHERE action ="
                    + " 'agency.question.read' AND subject = ?")) {
                select.setString(1, questionId);
                try (var row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Test
    void aSupervisorApprovesOrDeclinesWithAReasonAndOthersOnlyLook() throws Exception {
        PageClient asker = at(site.immigration, "officer.air", "demo-officer-pass");
        Map<String, String> wanted = new HashMap<>(Map.of("query", "wanted", "purpose", "border-control",
                "surname", "Smith", "birthDate", "1990-01-01"));
        String declined = askAndAwait(asker, wanted, "Waiting for approval");
        String approved = askAndAwait(asker, wanted, "Waiting for approval");
        String declinedId = declined.substring(declined.lastIndexOf('/') + 1);
        String approvedId = approved.substring(approved.lastIndexOf('/') + 1);

        PageClient analyst = at(site.police, "analyst", "demo-analyst-pass");
        String readOnly = analyst.get("/requests").body();
        assertThat(readOnly).contains("SMITH", "A supervisor approves or declines these questions.")
                .doesNotContain("/requests/" + declinedId + "/approve");
        assertThat(analyst.post("/requests/" + declinedId + "/approve", Map.of()).statusCode()).isEqualTo(403);
        assertThat(at(site.police, "officer.air", "demo-officer-pass").get("/requests").statusCode()).isEqualTo(403);

        PageClient supervisor = at(site.police, "supervisor.air", "demo-supervisor-pass");
        assertThat(supervisor.get("/requests").body()).contains("/requests/" + declinedId + "/approve",
                "/requests/" + declinedId + "/decline");
        HttpResponse<String> noReason = supervisor.post("/requests/" + declinedId + "/decline", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason-" + declinedId + "\"", "Enter the reason the asker will read");
        HttpResponse<String> longReason = supervisor.post("/requests/" + declinedId + "/decline",
                Map.of("reason", "x".repeat(2000)));
        assertThat(longReason.statusCode()).isEqualTo(400);
        assertThat(longReason.body()).contains("400 characters or fewer").doesNotContain("x".repeat(801));
        HttpResponse<String> declining = supervisor.post("/requests/" + declinedId + "/decline",
                Map.of("reason", "no warrant on file for this purpose"));
        assertThat(declining.statusCode()).isEqualTo(303);
        assertThat(supervisor.post("/requests/" + approvedId + "/approve", Map.of()).statusCode()).isEqualTo(303);
        assertThat(supervisor.post("/requests/" + approvedId + "/approve", Map.of()).statusCode())
                .as("approving twice answers as the first approval did").isEqualTo(303);
        assertThat(supervisor.get("/requests").body()).doesNotContain("/requests/" + declinedId + "/approve")
                .contains("A supervisor of the other agency declined to answer.");
        assertThat(supervisor.post("/requests/not-an-id/approve", Map.of()).statusCode()).isEqualTo(404);
        assertThat(supervisor.post("/requests/00000000-0000-0000-0000-000000000000/approve", Map.of()).statusCode())
                .isEqualTo(404);

        RunningNodes.await("the decline reaches the asker", () -> asker.get(declined).body().contains("Refused"));
        assertThat(asker.get(declined).body()).contains("A supervisor of the other agency declined to answer.",
                "no warrant on file for this purpose");
        RunningNodes.await("the approved answer reaches the asker", () -> asker.get(approved).body()
                .contains("Answered: no hit"));
    }

    @Test
    void theLedgerIsInThePersonViewForSupervisorsAndExportsAsCsvJsonAndALetter() throws Exception {
        askAndAwait(policeOfficer(), annaCrossings(), "Answered: hit");
        PageClient supervisor = at(site.immigration, "supervisor.air", "demo-supervisor-pass");
        String file = supervisor.post("/persons/" + FederatedSite.ANNA, Map.of("purpose", "identity")).body();
        assertThat(file).contains("Disclosures", "Received in a question", "Sent in an answer", "Police (UTO/POL/HQ)",
                "a criminal investigation", "travel history", "/persons/7/disclosures.csv", "Letter for the person");
        PageClient officer = at(site.immigration, "officer.air", "demo-officer-pass");
        assertThat(officer.post("/persons/" + FederatedSite.ANNA, Map.of("purpose", "identity")).body())
                .doesNotContain("disclosures-heading", "/disclosures.csv");

        HttpResponse<byte[]> csv = supervisor.bytes("/persons/7/disclosures.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String table = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(table).startsWith("at,direction,kind,counterpart,agreement,purpose,categories,questionId,subject\r\n")
                .contains(",received,question,UTO/POL/HQ,UTO-POL-IMM@v1,criminal-investigation,biographic,",
                        ",sent,answer,UTO/POL/HQ,UTO-POL-IMM@v1,criminal-investigation,hit travel-history,");
        String json = new String(supervisor.bytes("/persons/7/disclosures.json").body(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("[{\"at\":").contains("\"direction\":\"sent\"", "\"kind\":\"answer\"",
                "\"categories\":[\"hit\",\"travel-history\"]");

        HttpResponse<String> letter = supervisor.get("/persons/7/disclosures/letter?lang=fr");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.body()).contains("lang=\"fr\"", "Où vos données sont allées", "ANNA MARIA ERIKSSON",
                "une enquête pénale", "Police (UTO/POL/HQ)", "UTO-POL-IMM@v1");
        assertThat(supervisor.get("/persons/7/disclosures/letter").body()).contains("Where your data went",
                "we gave \u2068Police (UTO/POL/HQ)\u2069 this data about you");
        assertThat(supervisor.get("/persons/7/disclosures/letter?lang=ar").body()).contains("dir=\"rtl\"",
                "أين ذهبت بياناتك");
        assertThat(supervisor.get("/persons/7/disclosures/letter?lang=%3Cscript%3E").body())
                .as("a language that is not one falls back to the user's").contains("Where your data went");
    }

    @Test
    void theLedgerExportsKeepThePersonFilesScopeAndAreLogged() {
        PageClient supervisor = at(site.immigration, "supervisor.air", "demo-supervisor-pass");
        HttpResponse<byte[]> other = supervisor.bytes("/persons/" + FederatedSite.BORIS + "/disclosures.csv");
        HttpResponse<byte[]> missing = supervisor.bytes("/persons/999999/disclosures.csv");
        assertThat(other.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(supervisor.get("/persons/" + FederatedSite.BORIS + "/disclosures/letter").statusCode())
                .isEqualTo(404);
        assertThat(supervisor.get("/persons/abc/disclosures.json").statusCode()).isEqualTo(404);
        PageClient analyst = at(site.immigration, "analyst", "demo-analyst-pass");
        assertThat(analyst.bytes("/persons/" + FederatedSite.BORIS + "/disclosures.csv").statusCode()).isEqualTo(200);
        long logged = site.immigration.node().database.read(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM access_log WHERE subject = 'person/"
                    + FederatedSite.BORIS + "' AND purpose LIKE 'disclosure ledger export%'");
                 var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        assertThat(logged).as("refused and allowed exports are both on record").isEqualTo(2);
    }

    @Test
    void theOversightLedgerSearchesByNameAndExportsCsv() throws Exception {
        askAndAwait(policeOfficer(), annaCrossings(), "Answered: hit");
        PageClient analyst = at(site.immigration, "analyst", "demo-analyst-pass");
        HttpResponse<String> found = analyst.get("/disclosures?q=eriksson");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("ERIKSSON, ANNA MARIA", "Sent in an answer", "href=\"/persons/7\"");
        assertThat(analyst.get("/disclosures?q=nobody-at-all").body()).contains("No disclosure is recorded.");
        HttpResponse<byte[]> csv = analyst.bytes("/disclosures?q=eriksson&format=csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("at,direction")
                .contains("\"ERIKSSON, ANNA MARIA (1974-08-12)\"");
        HttpResponse<String> tooLong = analyst.get("/disclosures?q=" + "A".repeat(500));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("href=\"#q\"");
        assertThat(analyst.get("/disclosures?q=%27%3B+DROP+TABLE+disclosure%3B--").statusCode()).isEqualTo(200);
    }

    @Test
    void aQuestionAskedFromAPersonFileGoesInThatPersonsLedgerWithinTheFilesScope() throws Exception {
        PageClient officer = at(site.immigration, "officer.air", "demo-officer-pass");
        assertThat(officer.post("/persons/" + FederatedSite.ANNA, Map.of("purpose", "identity")).body())
                .contains("href=\"/questions?person=7\"");
        HttpResponse<String> form = officer.get("/questions?person=" + FederatedSite.ANNA);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"ERIKSSON\"", "value=\"ANNA MARIA\"", "value=\"1974-08-12\"",
                "name=\"personId\" value=\"7\"");
        Map<String, String> wanted = new HashMap<>(Map.of("query", "wanted", "purpose", "border-control",
                "surname", "ERIKSSON", "birthDate", "1974-08-12", "personId", "7"));
        String path = askAndAwait(officer, wanted, "Waiting for approval");
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertThat(site.immigration.node().services.inquiry().orElseThrow().ledger().forPerson(FederatedSite.ANNA))
                .anySatisfy(d -> assertThat(d.questionId() + " " + d.direction() + " " + d.counterpart())
                        .isEqualTo(id + " SENT UTO/POL/HQ"));

        PageClient land = at(site.immigration, "officer.land", "demo-officer-pass");
        assertThat(land.get("/questions?person=" + FederatedSite.ANNA).statusCode()).isEqualTo(404);
        wanted.put("personId", Long.toString(FederatedSite.BORIS));
        assertThat(officer.post("/questions", wanted).statusCode()).as("a person out of scope").isEqualTo(404);
        wanted.put("personId", "7 OR 1=1");
        assertThat(officer.post("/questions", wanted).statusCode()).isEqualTo(404);
        assertThat(officer.get("/questions?person=-1").statusCode()).isEqualTo(404);
    }
}

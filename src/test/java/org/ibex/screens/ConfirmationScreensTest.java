package org.ibex.screens;

import org.ibex.delivery.RunningNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity confirmation screens over plain HTTP on two states' nodes: from a national no-hit an officer asks a
 * partner state, the hit lands with its reference and verified deletion receipt, a supervisor asks for a release,
 * the partner's supervisor approves it in part (or declines with a reason) with the quota in view, and the requester
 * reads what was released; the oversight view lists every probe received with its receipt. Who may see and do what
 * (another post's probe reads as missing), CSRF, refusals in words, and hostile input on its field.
 */
class ConfirmationScreensTest {
    private static final Pattern PROBE = Pattern.compile("/partner-probes/([0-9a-f-]{36})");
    private static final Pattern DECISION = Pattern.compile("/release-decisions/([0-9a-f-]{36})/approve");
    private static ConfirmationSite site;

    @BeforeAll
    static void start() {
        site = ConfirmationSite.get();
    }

    private static PageClient at(FederatedSite.Side side, String user, String password) {
        return new PageClient(side.url("")).login(user, password);
    }

    private static PageClient officer() {
        return at(site.requester, "officer.air", "demo-officer-pass");
    }

    private static PageClient supervisor(FederatedSite.Side side) {
        return at(side, "supervisor.air", "demo-supervisor-pass");
    }

    /** A national search with one right index print; answers the review's path. */
    static String identify(PageClient client, byte[] print) {
        HttpResponse<String> answer = client.multipart("/arrivals", Map.of(), List.of(new PageClient.Upload(
                "finger-2", "finger-2.tif", "image/tiff", print)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** Sends the search's fingers to UTO and waits until the answer shows on the arrival page; the probe's path. */
    static String askPartner(PageClient client, String review, String landed) throws InterruptedException {
        HttpResponse<String> sent = client.post(review + "/partner-probes", Map.of("partner", ConfirmationSite.UTO,
                "purpose", ConfirmationSite.PURPOSE, "case", "XB/2026/77"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).isEqualTo(review + "#partners");
        RunningNodes.await("the partner's answer lands on " + review, () -> client.get(review).body().contains(landed));
        Matcher probe = PROBE.matcher(client.get(review).body());
        assertThat(probe.find()).isTrue();
        return probe.group();
    }

    @Test
    void fromANationalNoHitAPartnerHitIsReleasedInPartAfterThePartnersSupervisorApproves() throws Exception {
        PageClient officer = officer();
        String review = identify(officer, ConfirmationSite.knownPrint());
        String page = officer.get(review).body();
        assertThat(page).contains("No candidate", "Ask partner states", "No one was found in the national gallery",
                "value=\"" + ConfirmationSite.UTO + "\"", "value=\"identity-confirmation\"",
                "action=\"" + review + "/partner-probes\"", "No probe has been sent for this search.");

        String probe = askPartner(officer, review, ">Hit<");
        assertThat(officer.get(review).body()).contains("Verified", "Reference valid until", probe + "/receipt")
                .doesNotContain("hx-trigger");
        String detail = officer.get(probe).body();
        assertThat(detail).contains("The partner state knows this person.", "Deletion receipt", "Verified",
                "XXB-UTO-CONFIRM@v1", "ibex receipt receipt-").doesNotContain(probe + "/releases")
                .doesNotContain(ConfirmationSite.SURNAME);
        HttpResponse<byte[]> receipt = officer.bytes(probe + "/receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(new String(receipt.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"signature\"",
                "\"probeSha256\"", ConfirmationSite.UTO);

        PageClient supervisor = supervisor(site.requester);
        assertThat(supervisor.get(probe).body()).contains("Ask for release", "action=\"" + probe + "/releases\"",
                "id=\"category-biographic\"", "id=\"category-photo\"");
        HttpResponse<String> asked = supervisor.post(probe + "/releases", List.of(Map.entry("case", "XB/2026/77"),
                Map.entry("purpose", ConfirmationSite.PURPOSE), Map.entry("categories", "biographic"),
                Map.entry("categories", "travel-history"), Map.entry("categories", "documents")));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
        RunningNodes.await("the release waits for UTO's approver",
                () -> supervisor.get(probe).body().contains("Waiting for the partner&#39;s approver")
                        || supervisor.get(probe).body().contains("Waiting for the partner's approver"));
        assertThat(supervisor.get(probe).body()).contains("hx-trigger");

        PageClient approver = supervisor(site.responder);
        String queue = approver.get("/release-decisions").body();
        assertThat(queue).contains("XB/2026/77", "XXB-UTO-CONFIRM@v1", "Immigration (XXB/IMM/HQ)",
                "identity details, travel history, travel documents")
                .containsPattern("[0-9]+ of 1,000 today, [0-9]+ of 1,000 this year");
        Matcher decision = DECISION.matcher(queue);
        assertThat(decision.find()).isTrue();
        HttpResponse<String> approved = approver.post(decision.group(), List.of(
                Map.entry("categories-" + decision.group(1), "biographic"),
                Map.entry("categories-" + decision.group(1), "travel-history")));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(approver.get("/release-decisions?done=partial").body()).contains("Partly released.",
                "No release is waiting.");

        RunningNodes.await("the partial release lands", () -> supervisor.get(probe).body().contains("Partly released"));
        String released = supervisor.get(probe).body();
        assertThat(released).contains(ConfirmationSite.SURNAME, "CHIDI", "1981-05-09", "UTO-AIR", "XXB XB1234567",
                "deleted by").doesNotContain("hx-trigger");
    }

    @Test
    void anUnknownPersonIsANoHitWithItsReceiptAndTheOversightViewListsEveryProbeReceived() throws Exception {
        PageClient officer = officer();
        String review = identify(officer, ConfirmationSite.unknownPrint());
        String probe = askPartner(officer, review, ">No hit<");
        assertThat(officer.get(probe).body()).contains("The partner state does not know this person.", "Verified")
                .doesNotContain("Ask for release");
        String digest = Pattern.compile("<span class=\"mono digest\" dir=\"ltr\">([0-9a-f]{64})</span>")
                .matcher(officer.get(probe).body()).results().findFirst().orElseThrow().group(1);

        PageClient analyst = at(site.responder, "analyst", "demo-analyst-pass");
        String oversight = analyst.get("/partner-searches").body();
        assertThat(oversight).contains(ConfirmationSite.XXB, "XXB-UTO-CONFIRM@v1", digest, "No hit",
                "ibex receipt FILE --anchor ca.pem");
        Matcher receipt = Pattern.compile("/partner-searches/[0-9a-f-]{36}/receipt").matcher(oversight);
        assertThat(receipt.find()).isTrue();
        HttpResponse<byte[]> file = analyst.bytes(receipt.group());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(at(site.responder, "admin", "demo-admin-pass").get("/partner-searches").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aDeclinedReleaseReachesTheRequesterWithThePartnersReason() throws Exception {
        PageClient supervisor = supervisor(site.requester);
        String review = identify(supervisor, ConfirmationSite.knownPrint());
        String probe = askPartner(supervisor, review, ">Hit<");
        assertThat(supervisor.post(probe + "/releases", List.of(Map.entry("case", "XB/2026/78"),
                Map.entry("purpose", ConfirmationSite.PURPOSE), Map.entry("categories", "biographic")))
                .statusCode()).isEqualTo(303);
        PageClient approver = supervisor(site.responder);
        RunningNodes.await("the release reaches UTO's queue",
                () -> approver.get("/release-decisions").body().contains("XB/2026/78"));
        String queue = approver.get("/release-decisions").body();
        int at = queue.indexOf("XB/2026/78");
        Matcher decision = DECISION.matcher(queue.substring(at));
        assertThat(decision.find()).isTrue();
        String id = decision.group(1);
        HttpResponse<String> blank = approver.post("/release-decisions/" + id + "/decline", Map.of("reason", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter the reason the requesting state will read",
                "href=\"#reason-" + id + "\"");
        assertThat(approver.post("/release-decisions/" + id + "/decline", Map.of("reason",
                "Open asylum file; ask the protection unit")).statusCode()).isEqualTo(303);
        RunningNodes.await("the refusal lands", () -> supervisor.get(probe).body().contains("ask the protection unit"));
        assertThat(supervisor.get(probe).body()).contains("Refused", "declined the release");
    }

    @Test
    void rolesPostsAndCsrfAreCheckedOnTheServer() throws Exception {
        PageClient officer = officer();
        String review = identify(officer, ConfirmationSite.unknownPrint());
        String probe = askPartner(officer, review, ">No hit<");
        PageClient land = at(site.requester, "officer.land", "demo-officer-pass");
        HttpResponse<String> other = land.get(probe);
        assertThat(other.statusCode()).isEqualTo(404)
                .isEqualTo(land.get("/partner-probes/00000000-0000-0000-0000-000000000000").statusCode());
        assertThat(land.bytes(probe + "/receipt").statusCode()).isEqualTo(404);
        assertThat(land.get("/partner-probes").body()).doesNotContain(probe);
        assertThat(land.htmxGet(review + "/partner-probes").statusCode()).isEqualTo(404);
        assertThat(land.htmxGet(probe).statusCode()).isEqualTo(404);
        HttpResponse<String> fragment = officer.htmxGet(review + "/partner-probes");
        assertThat(fragment.body().strip()).startsWith("<div id=\"partner-probes\"").contains(probe)
                .doesNotContain("<html");
        assertThat(officer.htmxGet(probe).body().strip()).startsWith("<div id=\"probe-state\"")
                .doesNotContain("<html");
        assertThat(land.post(review + "/partner-probes", Map.of("partner", ConfirmationSite.UTO, "purpose",
                ConfirmationSite.PURPOSE)).statusCode()).isEqualTo(404);
        assertThat(at(site.requester, "analyst", "demo-analyst-pass").get(probe).statusCode()).isEqualTo(200);

        assertThat(officer.post(probe + "/releases", Map.of("case", "X", "purpose", ConfirmationSite.PURPOSE,
                "categories", "biographic")).statusCode()).isEqualTo(403);
        assertThat(officer.get("/release-decisions").statusCode()).isEqualTo(403);
        assertThat(officer.get("/partner-searches").statusCode()).isEqualTo(403);
        assertThat(at(site.requester, "listmanager", "demo-listmanager-pass").get("/partner-probes").statusCode())
                .isEqualTo(403);
        PageClient analyst = at(site.responder, "analyst", "demo-analyst-pass");
        assertThat(analyst.get("/release-decisions").body()).contains("Only a supervisor decides")
                .doesNotContain("/approve\"");
        assertThat(analyst.post("/release-decisions/00000000-0000-0000-0000-000000000000/approve", Map.of())
                .statusCode()).isEqualTo(403);

        assertThat(officer.postWithoutToken(review + "/partner-probes", Map.of("partner", ConfirmationSite.UTO,
                "purpose", ConfirmationSite.PURPOSE)).statusCode()).isEqualTo(403);
        assertThat(officer.post("/partner-probes", Map.of("_csrf", "forged", "partner", ConfirmationSite.UTO,
                "purpose", ConfirmationSite.PURPOSE, "issuingState", "UTO", "number", "X1"), "https://evil.example")
                .statusCode()).isEqualTo(403);
        assertThat(officer.get("/partner-probes/not-a-probe").statusCode()).isEqualTo(404);
        assertThat(officer.htmxGet("/arrivals/999999/partner-probes").statusCode()).isEqualTo(404);
    }

    @Test
    void aProbeTheAgreementDoesNotAllowIsRefusedInWordsAndNothingIsSent() throws Exception {
        PageClient officer = officer();
        String review = identify(officer, ConfirmationSite.unknownPrint());
        HttpResponse<String> refused = officer.post(review + "/partner-probes", Map.of("partner",
                ConfirmationSite.UTO, "purpose", "tax-audit", "case", "XB/2026/79"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The probe was not sent",
                "The agreement does not allow this question for this purpose.", "What the agreement says:",
                "No probe has been sent for this search.", "value=\"XB/2026/79\"");
    }

    @Test
    void aDocumentProbeAndHostileInputAreAnsweredOnTheirFieldNeverWithA500() throws Exception {
        PageClient officer = officer();
        String list = officer.get("/partner-probes").body();
        assertThat(list).contains("Is a travel document lost or stolen?", "action=\"/partner-probes\"");
        HttpResponse<String> bad = officer.post("/partner-probes", Map.of("partner", ConfirmationSite.UTO,
                "purpose", ConfirmationSite.PURPOSE, "issuingState", "U<script>", "number", "X'; DROP TABLE--"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("<!DOCTYPE html>").contains("<title>Error:", "href=\"#issuingState\"",
                "Enter the issuing state as three letters").doesNotContain("<script>");
        HttpResponse<String> noPartner = officer.post("/partner-probes", Map.of("partner", "nobody",
                "purpose", ConfirmationSite.PURPOSE, "issuingState", "UTO", "number", "X1234567"));
        assertThat(noPartner.statusCode()).isEqualTo(400);
        assertThat(noPartner.body()).contains("href=\"#partner\"");

        HttpResponse<String> sent = officer.post("/partner-probes", Map.of("partner", ConfirmationSite.UTO,
                "purpose", ConfirmationSite.PURPOSE, "issuingState", "XXB", "number", "ZZ9999999"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        String probe = sent.headers().firstValue("Location").orElseThrow();
        assertThat(probe).matches("/partner-probes/[0-9a-f-]{36}");
        RunningNodes.await("the document answer lands", () -> officer.get(probe).body().contains(
                "The partner state does not list this document."));

        PageClient supervisor = supervisor(site.requester);
        String review = identify(supervisor, ConfirmationSite.knownPrint());
        String hit = askPartner(supervisor, review, ">Hit<");
        HttpResponse<String> hostile = supervisor.post(hit + "/releases", List.of(Map.entry("case", ""),
                Map.entry("purpose", ConfirmationSite.PURPOSE), Map.entry("personId", "abc")));
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body()).contains("href=\"#case\"", "href=\"#personId\"", "href=\"#categories\"");
        HttpResponse<String> photo = supervisor.post(hit + "/releases", List.of(Map.entry("case", "XB/2026/80"),
                Map.entry("purpose", ConfirmationSite.PURPOSE), Map.entry("categories", "photo")));
        assertThat(photo.statusCode()).isEqualTo(403);
        assertThat(photo.body()).contains("The release was not asked for",
                "The agreement does not release the data you asked for.");
    }
}

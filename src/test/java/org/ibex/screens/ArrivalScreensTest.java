package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrival screens without a browser: a search belongs to the post that made it (its page, its images and its
 * acts), other roles are refused server-side, and hostile uploads come back as errors on their field, never a 500.
 */
class ArrivalScreensTest {
    private static final Path SHARED = Path.of(System.getProperty("ibex.shared", "../shared"), "data");
    private static final Path FVC = SHARED.resolve("fingerprints").resolve("fvc2002").resolve("DB1_B");
    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.get();
    }

    @Test
    void aSearchIsSeenAndActedOnOnlyByItsOwnPost() throws Exception {
        PageClient air = login("officer.air", "demo-officer-pass");
        String review = identify(air, Map.of("finger-2", Files.readAllBytes(FVC.resolve("101_2.tif"))));
        String page = air.get(review).body();
        Matcher candidate = Pattern.compile("src=\"(" + review + "/candidates/\\d+/2)\"").matcher(page);
        assertThat(candidate.find()).as("a candidate image in %s", page).isTrue();
        HttpResponse<byte[]> probe = air.bytes(review + "/probe/2");
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(probe.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(air.bytes(candidate.group(1)).statusCode()).isEqualTo(200);

        PageClient land = login("officer.land", "demo-officer-pass");
        assertThat(land.get(review).statusCode()).isEqualTo(404);
        assertThat(land.bytes(review + "/probe/2").statusCode()).isEqualTo(404);
        assertThat(land.bytes(candidate.group(1)).statusCode()).isEqualTo(404);
        assertThat(land.post(review + "/outcome", Map.of("outcome", "none", "reason", "not mine")).statusCode())
                .isEqualTo(404);
        assertThat(land.post(review + "/enrolment", Map.of("enrolReason", "not mine")).statusCode())
                .isEqualTo(404);
        assertThat(air.get(review).body()).contains("action=\"" + review + "/outcome\"");
    }

    @Test
    void otherRolesAreRefusedServerSide() throws Exception {
        assertThat(login("analyst", "demo-analyst-pass").get("/arrivals").statusCode()).isEqualTo(403);
        assertThat(login("listmanager", "demo-listmanager-pass").get("/arrivals").statusCode())
                .isEqualTo(403);
        assertThat(login("supervisor.air", "demo-supervisor-pass").get("/arrivals").statusCode())
                .isEqualTo(200);
    }

    @Test
    void hostileUploadsComeBackOnTheirFieldNeverA500() throws Exception {
        PageClient air = login("officer.air", "demo-officer-pass");
        HttpResponse<String> tooLarge = search(air, Map.of(), Map.of("finger-4", new byte[6 << 20]));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("id=\"finger-4-error\"", "<title>Error:");
        HttpResponse<String> notNist = search(air, Map.of(), Map.of("nist", "not a transaction".getBytes()));
        assertThat(notNist.statusCode()).isEqualTo(400);
        assertThat(notNist.body()).contains("id=\"nist-error\"");
        HttpResponse<String> both = search(air, Map.of(), Map.of("finger-2",
                Files.readAllBytes(FVC.resolve("101_2.tif")), "nist", "x".getBytes()));
        assertThat(both.body()).contains("id=\"nist-error\"");
        HttpResponse<String> none = search(air, Map.of("dpi", "lots"), Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"finger-1-error\"", "id=\"dpi-error\"");
        HttpResponse<String> blank = search(air, Map.of(), Map.of("finger-5", "GIF89a not really".getBytes()));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"finger-5-error\"");
        HttpResponse<String> overLimit = search(air, Map.of(), Map.of("finger-6", new byte[25 << 20]));
        assertThat(overLimit.statusCode()).as("over the server's multipart limit").isEqualTo(413);
        assertThat(overLimit.body()).contains("This upload is too large");
        assertThat(air.get("/arrivals/abc").statusCode()).isEqualTo(404);
        assertThat(air.get("/arrivals/99999999").statusCode()).isEqualTo(404);
        assertThat(air.bytes("/arrivals/1/probe/11").statusCode()).isEqualTo(404);
        assertThat(air.bytes("/arrivals/1/candidates/x/2").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnsiNistFileIsSearched() throws Exception {
        PageClient sea = login("officer.sea", "demo-officer-pass");
        String review = identify(sea, Map.of("nist", Files.readAllBytes(SHARED.resolve("ansi-nist")
                .resolve("type-14-tpcard-nqm.an2"))));
        assertThat(sea.get(review).body()).contains("/probe/1\"");
    }

    @Test
    void theOutcomeIsRecordedOnceAndAConfirmedMatchIsNotEnrolledAgain() throws Exception {
        PageClient air = login("officer.air", "demo-officer-pass");
        String review = identify(air, Map.of("finger-7", Files.readAllBytes(FVC.resolve("102_3.tif"))));
        String page = air.get(review).body();
        Matcher choice = Pattern.compile("value=\"(subject-\\d+)\"").matcher(page);
        assertThat(choice.find()).isTrue();
        HttpResponse<String> noReason = air.post(review + "/outcome", Map.of("outcome", "none"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\"");
        assertThat(air.post(review + "/outcome", Map.of("outcome", "subject-99999999")).body())
                .contains("id=\"outcome-error\"");
        assertThat(air.post(review + "/outcome", Map.of("outcome", "anything")).body())
                .contains("id=\"outcome-error\"");
        assertThat(air.post(review + "/outcome", Map.of("outcome", choice.group(1))).statusCode())
                .isEqualTo(303);
        HttpResponse<String> again = air.post(review + "/outcome", Map.of("outcome", "none", "reason", "no"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("href=\"#recorded\"", "id=\"recorded\"");
        HttpResponse<String> enrol = air.post(review + "/enrolment", Map.of("enrolReason", "duplicate"));
        assertThat(enrol.statusCode()).isEqualTo(400);
        assertThat(enrol.body()).contains("href=\"#recorded\"").doesNotContain("action=\"" + review + "/enrolment\"");
        assertThat(air.post(review + "/outcome", Map.of("outcome", "none", "_csrf", "wrong-token")).statusCode())
                .isEqualTo(403);
    }

    private static PageClient login(String username, String password) {
        return new PageClient(site).login(username, password);
    }

    /** The search form posted with these fields and files, each file sent as {@code <field>.bin}. */
    private static HttpResponse<String> search(PageClient client, Map<String, String> fields,
            Map<String, byte[]> files) {
        return client.multipart("/arrivals", fields, files.entrySet().stream().map(file -> new PageClient.Upload(
                file.getKey(), file.getKey() + ".bin", "application/octet-stream", file.getValue())).toList());
    }

    /** Searches with the files given and answers the review's path. */
    private static String identify(PageClient client, Map<String, byte[]> files) {
        HttpResponse<String> answer = search(client, Map.of(), files);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return answer.headers().firstValue("Location").orElseThrow();
    }
}

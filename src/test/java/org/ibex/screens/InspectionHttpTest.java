package org.ibex.screens;

import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** One logged-in user over plain HTTP: the session cookie kept, the CSRF token read from the page. */
    private static final class Session {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private String cookie = "";
        private String csrf = "";

        Session(String username, String password) throws Exception {
            HttpResponse<String> login = post("/login", Map.of("username", username, "password", password));
            assertThat(login.statusCode()).isEqualTo(303);
            cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Shell.SESSION_COOKIE + "="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/inspection").body());
            csrf = token.find() ? token.group(1) : "";
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(site.url(path))).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            return post(path, form, false);
        }

        HttpResponse<String> post(String path, Map<String, String> form, boolean htmx)
                throws IOException, InterruptedException {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (!csrf.isEmpty()) {
                fields.putIfAbsent("_csrf", csrf);
            }
            String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", site.url(""))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            if (htmx) {
                request.header("HX-Request", "true");
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
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
        Session officer = new Session("officer.sea", "demo-officer-pass");
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
        Session officer = new Session("officer.sea", "demo-officer-pass");
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
        Session officer = new Session("officer.sea", "demo-officer-pass");
        String number = number();

        HttpResponse<String> assessed = officer.post("/inspection/assess", Map.of("uid", UUID.randomUUID().toString(),
                "direction", "ENTRY", "mrz", passport(number)));

        assertThat(assessed.statusCode()).isEqualTo(200);
        assertThat(assessed.body()).contains("id=\"confirm\"", number);
        assertThat(recordedWith(number)).isZero();
        HttpResponse<String> fragment = officer.post("/inspection/assess", Map.of("uid", UUID.randomUUID().toString(),
                "direction", "ENTRY", "mrz", passport(number)), true);
        assertThat(fragment.body().strip()).startsWith("<div id=\"desk\"").doesNotContain("<html");
        assertThat(fragment.body().getBytes(StandardCharsets.UTF_8).length).as("a later interaction").isLessThan(20_000);
        HttpResponse<String> recorded = officer.post("/inspection/record", Map.of("uid", UUID.randomUUID().toString(),
                "direction", "ENTRY", "mrz", passport(number)), true);
        assertThat(recorded.body()).contains("insp-recorded").doesNotContain("<html");
        assertThat(recorded.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(20_000);
    }

    @Test
    void anotherPostsCrossingIsOutOfReach() throws Exception {
        Session sea = new Session("officer.sea", "demo-officer-pass");
        HttpResponse<String> recorded = sea.post("/inspection/record", Map.of("uid", UUID.randomUUID().toString(),
                "direction", "ENTRY", "mrz", passport(number())));
        String location = recorded.headers().firstValue("Location").orElseThrow();

        Session land = new Session("officer.land", "demo-officer-pass");

        assertThat(land.get(location).statusCode()).isEqualTo(404);
    }

    @Test
    void roleAndTokenAreCheckedOnTheServer() throws Exception {
        Session analyst = new Session("analyst", "demo-analyst-pass");
        assertThat(analyst.get("/inspection").statusCode()).isEqualTo(403);
        assertThat(new Session("supervisor.air", "demo-supervisor-pass").get("/inspection").statusCode()).isEqualTo(200);
        Session officer = new Session("officer.sea", "demo-officer-pass");
        String number = number();
        HttpResponse<String> forged = officer.post("/inspection/record", Map.of("_csrf", "forged",
                "uid", UUID.randomUUID().toString(), "direction", "ENTRY", "mrz", passport(number)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(recordedWith(number)).isZero();
    }

    @Test
    void hostileInputGetsAPageNamingTheFieldNeverA500() throws Exception {
        Session officer = new Session("officer.sea", "demo-officer-pass");
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

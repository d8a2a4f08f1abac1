package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
        Http air = Http.login(site, "officer.air", "demo-officer-pass");
        String review = air.identify(Map.of("finger-2", Files.readAllBytes(FVC.resolve("101_2.tif"))));
        String page = air.get(review).body();
        Matcher candidate = Pattern.compile("src=\"(" + review + "/candidates/\\d+/2)\"").matcher(page);
        assertThat(candidate.find()).as("a candidate image in %s", page).isTrue();
        HttpResponse<byte[]> probe = air.bytes(review + "/probe/2");
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(probe.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(air.bytes(candidate.group(1)).statusCode()).isEqualTo(200);

        Http land = Http.login(site, "officer.land", "demo-officer-pass");
        assertThat(land.get(review).statusCode()).isEqualTo(404);
        assertThat(land.bytes(review + "/probe/2").statusCode()).isEqualTo(404);
        assertThat(land.bytes(candidate.group(1)).statusCode()).isEqualTo(404);
        String csrf = land.csrf("/arrivals");
        assertThat(land.post(review + "/outcome", csrf, Map.of("outcome", "none", "reason", "not mine")).statusCode())
                .isEqualTo(404);
        assertThat(land.post(review + "/enrolment", csrf, Map.of("enrolReason", "not mine")).statusCode())
                .isEqualTo(404);
        assertThat(air.get(review).body()).contains("action=\"" + review + "/outcome\"");
    }

    @Test
    void otherRolesAreRefusedServerSide() throws Exception {
        assertThat(Http.login(site, "analyst", "demo-analyst-pass").get("/arrivals").statusCode()).isEqualTo(403);
        assertThat(Http.login(site, "listmanager", "demo-listmanager-pass").get("/arrivals").statusCode())
                .isEqualTo(403);
        assertThat(Http.login(site, "supervisor.air", "demo-supervisor-pass").get("/arrivals").statusCode())
                .isEqualTo(200);
    }

    @Test
    void hostileUploadsComeBackOnTheirFieldNeverA500() throws Exception {
        Http air = Http.login(site, "officer.air", "demo-officer-pass");
        HttpResponse<String> tooLarge = air.multipart(Map.of(), Map.of("finger-4", new byte[6 << 20]));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("id=\"finger-4-error\"", "<title>Error:");
        HttpResponse<String> notNist = air.multipart(Map.of(), Map.of("nist", "not a transaction".getBytes()));
        assertThat(notNist.statusCode()).isEqualTo(400);
        assertThat(notNist.body()).contains("id=\"nist-error\"");
        HttpResponse<String> both = air.multipart(Map.of(), Map.of("finger-2",
                Files.readAllBytes(FVC.resolve("101_2.tif")), "nist", "x".getBytes()));
        assertThat(both.body()).contains("id=\"nist-error\"");
        HttpResponse<String> none = air.multipart(Map.of("dpi", "lots"), Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"finger-1-error\"", "id=\"dpi-error\"");
        HttpResponse<String> blank = air.multipart(Map.of(), Map.of("finger-5", "GIF89a not really".getBytes()));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"finger-5-error\"");
        HttpResponse<String> overLimit = air.multipart(Map.of(), Map.of("finger-6", new byte[25 << 20]));
        assertThat(overLimit.statusCode()).as("over the server's multipart limit").isEqualTo(413);
        assertThat(overLimit.body()).contains("This upload is too large");
        assertThat(air.get("/arrivals/abc").statusCode()).isEqualTo(404);
        assertThat(air.get("/arrivals/99999999").statusCode()).isEqualTo(404);
        assertThat(air.bytes("/arrivals/1/probe/11").statusCode()).isEqualTo(404);
        assertThat(air.bytes("/arrivals/1/candidates/x/2").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnsiNistFileIsSearched() throws Exception {
        Http sea = Http.login(site, "officer.sea", "demo-officer-pass");
        String review = sea.identify(Map.of("nist", Files.readAllBytes(SHARED.resolve("ansi-nist")
                .resolve("type-14-tpcard-nqm.an2"))));
        assertThat(sea.get(review).body()).contains("/probe/1\"");
    }

    @Test
    void theOutcomeIsRecordedOnceAndAConfirmedMatchIsNotEnrolledAgain() throws Exception {
        Http air = Http.login(site, "officer.air", "demo-officer-pass");
        String review = air.identify(Map.of("finger-7", Files.readAllBytes(FVC.resolve("102_3.tif"))));
        String page = air.get(review).body();
        Matcher choice = Pattern.compile("value=\"(subject-\\d+)\"").matcher(page);
        assertThat(choice.find()).isTrue();
        String csrf = air.csrf(review);
        HttpResponse<String> noReason = air.post(review + "/outcome", csrf, Map.of("outcome", "none"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\"");
        assertThat(air.post(review + "/outcome", csrf, Map.of("outcome", "subject-99999999")).body())
                .contains("id=\"outcome-error\"");
        assertThat(air.post(review + "/outcome", csrf, Map.of("outcome", "anything")).body())
                .contains("id=\"outcome-error\"");
        assertThat(air.post(review + "/outcome", csrf, Map.of("outcome", choice.group(1))).statusCode())
                .isEqualTo(303);
        HttpResponse<String> again = air.post(review + "/outcome", csrf, Map.of("outcome", "none", "reason", "no"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("href=\"#recorded\"", "id=\"recorded\"");
        HttpResponse<String> enrol = air.post(review + "/enrolment", csrf, Map.of("enrolReason", "duplicate"));
        assertThat(enrol.statusCode()).isEqualTo(400);
        assertThat(enrol.body()).contains("href=\"#recorded\"").doesNotContain("action=\"" + review + "/enrolment\"");
        assertThat(air.post(review + "/outcome", "wrong-token", Map.of("outcome", "none")).statusCode())
                .isEqualTo(403);
    }

    /** A browser's part of the conversation, by hand: the session cookie, the form token and the Origin header. */
    private static final class Http {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private String session;

        private Http(String base) {
            this.base = base;
        }

        static Http login(DemoSite site, String username, String password) throws Exception {
            Http http = new Http(site.url(""));
            HttpResponse<String> login = http.client.send(HttpRequest.newBuilder(URI.create(http.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", http.base)
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("login of %s", username).isEqualTo(303);
            http.session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ibex_session="))
                    .findFirst().orElseThrow().split(";")[0];
            return http;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        String csrf(String path) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
            assertThat(token.find()).isTrue();
            return token.group(1);
        }

        HttpResponse<String> post(String path, String csrf, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Searches with the files given and answers the review's path. */
        String identify(Map<String, byte[]> files) throws Exception {
            HttpResponse<String> answer = multipart(Map.of(), files);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
            return answer.headers().firstValue("Location").orElseThrow();
        }

        HttpResponse<String> multipart(Map<String, String> fields, Map<String, byte[]> files) throws Exception {
            String boundary = "ibex-test-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf("/arrivals"));
            for (Map.Entry<String, String> field : all.entrySet()) {
                write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n");
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                        + "\"; filename=\"" + file.getKey() + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                body.write(file.getValue());
                write(body, "\r\n");
            }
            write(body, "--" + boundary + "--\r\n");
            return client.send(request("/arrivals").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session + "; ibex_lang=en")
                    .header("Origin", base);
        }

        private static void write(ByteArrayOutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        private static String form(Map<String, String> fields) {
            return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }
}

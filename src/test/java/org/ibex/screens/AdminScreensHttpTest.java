package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin screens' server side without a browser: roles, CSRF, hostile input as field errors, never a 500. */
class AdminScreensHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static DemoSite site;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One logged-in user: the session cookie and the CSRF token of their pages. */
    private record Session(String cookie, String csrf) {
    }

    @BeforeAll
    static void start() {
        site = DemoSite.get();
    }

    @Test
    void onlyAdministratorsPassTheGateOfEveryAdminPage() throws Exception {
        Session supervisor = login("supervisor.air", "demo-supervisor-pass");
        Session officer = login("officer.land", "demo-officer-pass");
        for (String path : new String[]{"/admin/users", "/admin/users/admin", "/admin/posts", "/admin/posts/UTO-AIR",
                "/admin/stay-rules", "/admin/exchange"}) {
            assertThat(get(supervisor, path).statusCode()).as(path).isEqualTo(403);
            assertThat(get(officer, path).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> refused = post(officer, "/admin/users",
                Map.of("username", "sneaky.one", "role", "admin", "postId", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot open this page");
        Session admin = login("admin", "demo-admin-pass");
        assertThat(get(admin, "/admin/users").body()).doesNotContain("sneaky.one");
    }

    @Test
    void aStateChangeWithoutTheTokenIsRefused() throws Exception {
        Session admin = login("admin", "demo-admin-pass");
        HttpResponse<String> forged = post(new Session(admin.cookie(), "not-the-token"), "/admin/stay-rules",
                Map.of("nationality", "QQQ", "kind", "EXEMPT"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get(admin, "/admin/stay-rules").body()).doesNotContain(">QQQ<");
    }

    @Test
    void hostileInputComesBackAsFieldErrorsWithTheValueEscaped() throws Exception {
        Session admin = login("admin", "demo-admin-pass");
        HttpResponse<String> rule = post(admin, "/admin/stay-rules", Map.of("nationality", "<script>",
                "permitType", "", "kind", "ROLLING", "days", "99999999999999999999", "windowDays", "-1"));
        assertThat(rule.statusCode()).isEqualTo(400);
        assertThat(rule.body()).contains("<title>Error:", "href=\"#nationality\"", "href=\"#days\"",
                "href=\"#windowDays\"", "value=\"&lt;script", "Enter the days as a whole number from 1 to 3650")
                .doesNotContain("<script>");

        HttpResponse<String> user = post(admin, "/admin/users", Map.of("username", "<b>x</b>", "role", "officer",
                "postId", "NO-SUCH-POST"));
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("href=\"#postId\"", "There is no such post").doesNotContain("<b>x</b>");
        HttpResponse<String> name = post(admin, "/admin/users", Map.of("username", "x y", "role", "analyst",
                "postId", ""));
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.body()).contains("href=\"#username\"", "A user name has 2 to 80 characters");
        HttpResponse<String> role = post(admin, "/admin/users", Map.of("username", "someone", "role", "king"));
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(role.body()).contains("href=\"#role\"");

        HttpResponse<String> zone = post(admin, "/admin/posts", Map.of("id", "../etc", "name", "x", "kind", "moon",
                "zone", "Europe/Atlantis"));
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("href=\"#id\"", "href=\"#kind\"", "href=\"#zone\"");
    }

    @Test
    void unknownRecordsAreNotFoundAndAnAdminCannotDisableThemselves() throws Exception {
        Session admin = login("admin", "demo-admin-pass");
        assertThat(get(admin, "/admin/users/nobody.here").statusCode()).isEqualTo(404);
        assertThat(post(admin, "/admin/users/nobody.here/reset", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get(admin, "/admin/posts/NO-SUCH").statusCode()).isEqualTo(404);
        assertThat(post(admin, "/admin/stay-rules/remove", Map.of("nationality", "QQZ")).statusCode()).isEqualTo(404);
        HttpResponse<String> self = post(admin, "/admin/users/admin/disable", Map.of());
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("another administrator must");
        HttpResponse<String> ownRole = post(admin, "/admin/users/admin/change", Map.of("role", "analyst", "postId", ""));
        assertThat(ownRole.statusCode()).isEqualTo(400);
        assertThat(ownRole.body()).contains("href=\"#role\"", "another administrator must");
        assertThat(get(admin, "/admin/users/admin").body()).contains("Administrator");
    }

    @Test
    void theOneTimePasswordPageIsNeverCached() throws Exception {
        Session admin = login("admin", "demo-admin-pass");
        HttpResponse<String> created = post(admin, "/admin/users", Map.of("username", "http.analyst."
                + System.nanoTime() % 100000, "role", "analyst", "postId", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(created.body()).contains("id=\"one-time-password\"");
    }

    private static Session login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(site.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", site.url(""))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Shell.SESSION_COOKIE + "=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session for " + username));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(site.url(CommonScreens.OWN_PASSWORD)))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("a CSRF token on the page of " + username).isTrue();
        return new Session(cookie, csrf.group(1));
    }

    private static HttpResponse<String> get(Session session, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.url(path))).header("Cookie", session.cookie()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(Session session, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", session.csrf());
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.url(path))).header("Cookie", session.cookie())
                .header("Origin", site.url("")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

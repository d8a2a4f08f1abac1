package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin screens' server side without a browser: roles, CSRF, hostile input as field errors, never a 500. */
class AdminScreensHttpTest {
    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.get();
    }

    @Test
    void onlyAdministratorsPassTheGateOfEveryAdminPage() {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        PageClient officer = login("officer.land", "demo-officer-pass");
        for (String path : new String[]{"/admin/users", "/admin/users/admin", "/admin/posts", "/admin/posts/UTO-AIR",
                "/admin/stay-rules", "/admin/exchange"}) {
            assertThat(supervisor.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(officer.get(path).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> refused = officer.post("/admin/users",
                Map.of("username", "sneaky.one", "role", "admin", "postId", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot open this page");
        PageClient admin = login("admin", "demo-admin-pass");
        assertThat(admin.get("/admin/users").body()).doesNotContain("sneaky.one");
    }

    @Test
    void aStateChangeWithoutTheTokenIsRefused() {
        PageClient admin = login("admin", "demo-admin-pass");
        HttpResponse<String> forged = admin.post("/admin/stay-rules",
                Map.of("nationality", "QQQ", "kind", "EXEMPT", "_csrf", "not-the-token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/stay-rules").body()).doesNotContain(">QQQ<");
    }

    @Test
    void hostileInputComesBackAsFieldErrorsWithTheValueEscaped() {
        PageClient admin = login("admin", "demo-admin-pass");
        HttpResponse<String> rule = admin.post("/admin/stay-rules", Map.of("nationality", "<script>",
                "permitType", "", "kind", "ROLLING", "days", "99999999999999999999", "windowDays", "-1"));
        assertThat(rule.statusCode()).isEqualTo(400);
        assertThat(rule.body()).contains("<title>Error:", "href=\"#nationality\"", "href=\"#days\"",
                "href=\"#windowDays\"", "value=\"&lt;script", "Enter the days as a whole number from 1 to 3650")
                .doesNotContain("<script>");

        HttpResponse<String> user = admin.post("/admin/users", Map.of("username", "<b>x</b>", "role", "officer",
                "postId", "NO-SUCH-POST"));
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("href=\"#postId\"", "There is no such post").doesNotContain("<b>x</b>");
        HttpResponse<String> name = admin.post("/admin/users", Map.of("username", "x y", "role", "analyst",
                "postId", ""));
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.body()).contains("href=\"#username\"", "A user name has 2 to 80 characters");
        HttpResponse<String> role = admin.post("/admin/users", Map.of("username", "someone", "role", "king"));
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(role.body()).contains("href=\"#role\"");

        HttpResponse<String> zone = admin.post("/admin/posts", Map.of("id", "../etc", "name", "x", "kind", "moon",
                "zone", "Europe/Atlantis"));
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("href=\"#id\"", "href=\"#kind\"", "href=\"#zone\"");
    }

    @Test
    void aPostIsGivenTheNodeThatServesItAndANodeIdThatIsNoneIsRefusedOnItsField() {
        PageClient admin = login("admin", "demo-admin-pass");
        Map<String, String> land = Map.of("name", "Port of Utopia", "kind", "seaport", "zone", "Europe/Vilnius");
        HttpResponse<String> bad = admin.post("/admin/posts/UTO-SEA", with(land, "node", "not a node"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#node\"", "Enter a node id such as UTO/IMM/POST-LAND");
        assertThat(admin.post("/admin/posts/UTO-SEA", with(land, "node", "UTO/IMM/POST-SEA")).statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/admin/posts/UTO-SEA").body()).contains("value=\"UTO/IMM/POST-SEA\"");
        assertThat(admin.post("/admin/posts/UTO-SEA", with(land, "node", "")).statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/posts/UTO-SEA").body()).doesNotContain("UTO/IMM/POST-SEA");
    }

    private static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> all = new java.util.HashMap<>(form);
        all.put(field, value);
        return all;
    }

    @Test
    void unknownRecordsAreNotFoundAndAnAdminCannotDisableThemselves() {
        PageClient admin = login("admin", "demo-admin-pass");
        assertThat(admin.get("/admin/users/nobody.here").statusCode()).isEqualTo(404);
        assertThat(admin.post("/admin/users/nobody.here/reset", Map.of()).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/posts/NO-SUCH").statusCode()).isEqualTo(404);
        assertThat(admin.post("/admin/stay-rules/remove", Map.of("nationality", "QQZ")).statusCode()).isEqualTo(404);
        HttpResponse<String> self = admin.post("/admin/users/admin/disable", Map.of());
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("another administrator must");
        HttpResponse<String> ownRole = admin.post("/admin/users/admin/change", Map.of("role", "analyst", "postId", ""));
        assertThat(ownRole.statusCode()).isEqualTo(400);
        assertThat(ownRole.body()).contains("href=\"#role\"", "another administrator must");
        assertThat(admin.get("/admin/users/admin").body()).contains("Administrator");
    }

    @Test
    void theOneTimePasswordPageIsNeverCached() {
        PageClient admin = login("admin", "demo-admin-pass");
        HttpResponse<String> created = admin.post("/admin/users", Map.of("username", "http.analyst."
                + System.nanoTime() % 100000, "role", "analyst", "postId", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(created.body()).contains("id=\"one-time-password\"");
    }

    private static PageClient login(String username, String password) {
        return new PageClient(site).login(username, password);
    }
}

package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate every screen passes, over real HTTP: session cookie, CSRF, origin, CSP, roles, redirects, assets. */
class ScreenGateTest {
    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.get();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        PageClient client = new PageClient(site);
        HttpResponse<String> response = client.post("/login", Map.of("username", "officer.air",
                "password", "demo-officer-pass"));
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Shell.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(response.headers().firstValue("Location")).hasValue("/inspection");
    }

    @Test
    void overTlsTheSessionCookieIsAlsoSecure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path keystore = folder.resolve("node.p12");
        char[] password = "changeit-for-test".toCharArray();
        org.ibex.web.SelfSignedCertificate.create(keystore, password, "localhost", java.time.Duration.ofDays(1));
        try (org.ibex.web.WebServer tls = org.ibex.node.WebApplication.start(new org.ibex.web.ServerSettings(
                "127.0.0.1", 0, keystore, new String(password)), site.node.services, java.util.List.of())) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(context).build();
            HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(tls.baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", tls.baseUrl())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "username=analyst&password=demo-analyst-pass")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(Shell.SESSION_COOKIE).contains("Secure", "HttpOnly", "SameSite=Strict"));
        }
    }

    @Test
    void aStateChangeWithoutTheTokenIsRefusedAndChangesNothing() {
        PageClient client = new PageClient(site).login("officer.air", "demo-officer-pass");
        HttpResponse<String> refused = client.post("/logout", Map.of(), site.server.baseUrl());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired");
        assertThat(client.get("/docs/api").statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void aStateChangeFromAnotherSiteIsRefusedEvenWithTheToken() {
        PageClient client = new PageClient(site).login("officer.air", "demo-officer-pass");
        HttpResponse<String> refused = client.post("/logout", Map.of("_csrf", client.csrf()), "https://evil.example");
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> loggedOut = client.post("/logout", Map.of());
        assertThat(loggedOut.statusCode()).isEqualTo(303);
    }

    @Test
    void aTokenOfAnotherSessionIsWorthless() {
        PageClient first = new PageClient(site).login("officer.air", "demo-officer-pass");
        PageClient second = new PageClient(site).login("officer.land", "demo-officer-pass");
        assertThat(second.post("/logout", Map.of("_csrf", first.csrf()), site.server.baseUrl()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void pagesCarryAStrictPolicyWithNothingInline() {
        HttpResponse<String> login = new PageClient(site).get("/login");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(login.body()).doesNotContain("<script>", "style=\"", " onclick=", " onload=");
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aPageOutOfReachRedirectsToTheLoginAndComesBack() {
        HttpResponse<String> response = new PageClient(site).get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Fadmin%2Fusers");
    }

    @Test
    void theLoginNeverRedirectsToAnotherSite() {
        for (String next : new String[]{"//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:x"}) {
            PageClient client = new PageClient(site);
            HttpResponse<String> response = client.post("/login", Map.of("username", "analyst",
                    "password", "demo-analyst-pass", "next", next));
            assertThat(response.headers().firstValue("Location")).as(next).hasValue("/analyst");
        }
    }

    @Test
    void assetsAreVersionedAndKeptForAYearAndNothingElseOnTheClassPathIsReachable() {
        PageClient client = new PageClient(site);
        String page = client.get("/login").body();
        String css = page.replaceAll("(?s).*href=\"(/assets/[0-9a-f]+/ibex.css)\".*", "$1");
        HttpResponse<String> asset = client.get(css);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.body()).as("fonts named by their versioned address").contains("/assets/")
                .doesNotContain("url(\"noto-sans");
        assertThat(client.get("/assets/000000000000/ibex.css").statusCode()).isEqualTo(404);
        assertThat(client.get("/assets/x/../../org/ibex/store/Database.class").statusCode()).isEqualTo(404);
    }

    @Test
    void aBrowserGetsAPageForAnUnknownAddressAndAnApiClientGetsJson() {
        HttpResponse<String> page = new PageClient(site).get("/no-such-screen");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Page not found");
        HttpResponse<String> api = new PageClient(site).get("/api/no-such-endpoint");
        assertThat(api.body()).startsWith("{\"error\":\"not-found\"");
    }

    @Test
    void theBrowserLanguageIsUsedUntilTheUserPicksOne() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> arabic = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(site.url("/login"))).header("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\">");
        HttpResponse<String> picked = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(site.url("/login"))).header("Accept-Language", "ar")
                .header("Cookie", Shell.LANG_COOKIE + "=th").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(picked.body()).contains("<html lang=\"th\" dir=\"ltr\">");
    }
}

package org.ibex.screens;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The screens as a browser without JavaScript uses them, over plain HTTP: logs in with the form, keeps the session
 * cookie, and posts forms with the page's CSRF token and the node's origin. For the server-side checks a browser
 * test would be too slow for: authorisation, hostile input, what is logged.
 */
final class ScreenClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final DemoSite site;
    private String session;

    ScreenClient(DemoSite site, String username, String password) {
        this.site = site;
        HttpResponse<String> login = send("POST", "/login", Map.of("username", username, "password", password,
                "next", "/"), null);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Shell.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("login of " + username + " failed: " + login.statusCode()));
        session = cookie.substring(0, cookie.indexOf(';'));
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    /** Posts a form as the page at {@code formPage} would, with its CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        return send("POST", path, form, csrf());
    }

    /** Posts with no token: what a forged form from another site sends. */
    HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        return send("POST", path, form, null);
    }

    String csrf() {
        HttpResponse<String> page = get("/persons");
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on /persons: " + page.statusCode());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> form, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Accept", "text/html").header("Accept-Language", "en");
        if (session != null) {
            request.header("Cookie", session + "; " + Shell.LANG_COOKIE + "=en");
        }
        if (form == null) {
            request.GET();
        } else {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (csrf != null) {
                fields.put("_csrf", csrf);
            }
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", site.url("")).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

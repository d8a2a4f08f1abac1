package org.ibex.screens;

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
 * A browser's requests without a browser, for the server-side rules of the screens: it keeps the session cookie,
 * reads the CSRF field of the last page, and sends forms with the node's own origin unless told otherwise.
 */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private String csrf = "";

    public PageClient(String base) {
        this.base = base;
    }

    public String session() {
        return session;
    }

    public String csrf() {
        return csrf;
    }

    public PageClient login(String username, String password) {
        HttpResponse<String> response = post("/login", Map.of("username", username, "password", password));
        if (response.statusCode() != 303 || session == null) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode());
        }
        get("/account/password".equals(response.headers().firstValue("Location").orElse("")) ? "/account/password"
                : "/docs/api");
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** A form post with this client's CSRF token and the node's origin, as a browser on the page sends it. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        return post(path, all, base);
    }

    /** A form post exactly as given (no token added), from the origin named. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String origin) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", Shell.SESSION_COOKIE + "=" + session);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                if (cookie.startsWith(Shell.SESSION_COOKIE + "=")) {
                    String value = cookie.substring(Shell.SESSION_COOKIE.length() + 1, cookie.indexOf(';'));
                    session = value.isEmpty() ? null : value;
                }
            }
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + ": " + e, e);
        }
    }
}

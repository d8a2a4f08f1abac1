package org.ibex.screens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens over plain HTTP, as a browser without JavaScript would ask: log in with the form, keep the session
 * cookie, and read pages or downloads. For checks where a real browser adds nothing (authorisation, hostile input).
 */
final class ScreenHttp {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;

    ScreenHttp(DemoSite site) {
        this.base = site.url("");
    }

    /** A client that carries a session cookie taken from elsewhere (a browser's). */
    ScreenHttp(DemoSite site, String session) {
        this(site);
        this.session = session;
    }

    ScreenHttp login(String username, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "next", "/")))).build());
        assertThat(response.statusCode()).as("login of " + username).isEqualTo(303);
        session = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Shell.SESSION_COOKIE + "=")).findFirst().orElseThrow()
                .split(";", 2)[0].substring(Shell.SESSION_COOKIE.length() + 1);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en");
        if (session != null) {
            builder.header("Cookie", Shell.SESSION_COOKIE + "=" + session);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

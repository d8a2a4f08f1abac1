package org.ibex.screens;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's requests without a browser, for the server-side rules of the screens (authorisation, hostile input,
 * what is logged): it keeps the session cookie, reads the CSRF field of the last page, asks for English pages, and
 * sends forms with that token and the node's own origin unless told otherwise. A form that names its own
 * {@code _csrf} sends that one instead (a forged or foreign token).
 */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private String csrf = "";

    /** A file of a multipart form: its field, the file name and type a browser sends, and its content. */
    public record Upload(String field, String fileName, String contentType, byte[] content) {
    }

    public PageClient(String base) {
        this.base = base;
    }

    public PageClient(DemoSite site) {
        this(site.url(""));
    }

    public String session() {
        return session;
    }

    /** Carries a session cookie taken from elsewhere (a browser's). */
    public PageClient withSession(String session) {
        this.session = session;
        return this;
    }

    public String csrf() {
        return csrf;
    }

    /** Logs in with the form and opens the page it leads to, so the session's CSRF token is known. */
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
        return send(request(path).GET(), false);
    }

    /** A GET as htmx makes it: the HX-Request header asks for the fragment alone. */
    public HttpResponse<String> htmxGet(String path) {
        return send(request(path).GET(), true);
    }

    /** A download or an image, its bytes as they come. */
    public HttpResponse<byte[]> bytes(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form post with this client's CSRF token and the node's origin, as a browser on the page sends it. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(formPost(path, withToken(fields), base), false);
    }

    /** A form post whose fields may repeat (ticked checkboxes), with the token and the node's origin. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body)), false);
    }

    /** A form post as htmx sends it from the page: with the token, the origin and the HX-Request header. */
    public HttpResponse<String> htmxPost(String path, Map<String, String> fields) {
        return send(formPost(path, withToken(fields), base), true);
    }

    /** A form post with no token, from the node's origin: what a forged form sends. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
        return post(path, fields, base);
    }

    /** A form post exactly as given (no token added), from the origin named. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String origin) {
        return send(formPost(path, fields, origin), false);
    }

    /** A multipart form with this client's token and the node's origin, its fields first and then its files. */
    public HttpResponse<String> multipart(String path, Map<String, String> fields, List<Upload> files) {
        String boundary = "----ibex" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : withToken(fields).entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n");
        }
        for (Upload file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), false);
    }

    private Map<String, String> withToken(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        return all;
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> fields, String origin) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Accept-Language", "en");
        if (session != null) {
            request.header("Cookie", Shell.SESSION_COOKIE + "=" + session);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean htmx) {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest built = request.build();
        try {
            HttpResponse<T> response = http.send(built, body);
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                if (cookie.startsWith(Shell.SESSION_COOKIE + "=")) {
                    String value = cookie.substring(Shell.SESSION_COOKIE.length() + 1, cookie.indexOf(';'));
                    session = value.isEmpty() ? null : value;
                }
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e, e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

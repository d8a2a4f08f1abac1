package org.ibex.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.border.CrossingRequest;
import org.ibex.delivery.NodeProcess;
import org.ibex.store.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One account's use of a running node's HTTP API, as a client at the post or at headquarters would use it. */
final class NodeClient {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final NodeProcess node;
    private final String username;
    private final String password;
    private String token;

    NodeClient(NodeProcess node, String username, String password) {
        this.node = node;
        this.username = username;
        this.password = password;
    }

    /** Records a crossing; returns the stored crossing's id at this node. */
    long record(CrossingRequest request) throws IOException, InterruptedException {
        return call("POST", "/api/crossings", request).path("crossing").path("id").asLong();
    }

    /** Records a crossing; answers what the post answered: the crossing with its decision, the stay and the hits. */
    JsonNode recordInFull(CrossingRequest request) throws IOException, InterruptedException {
        return call("POST", "/api/crossings", request);
    }

    /** Replaces watchlist {@code id} with {@code csv} ({@code query}: more parameters, such as the owner). */
    JsonNode replaceList(String id, String csv, String query) throws IOException, InterruptedException {
        return JSON.readTree(send("PUT", "/api/watchlists/" + id + "?format=csv" + query, csv).body());
    }

    /** {@code POST /api/screen} of a name against the lists this account's post screens with. */
    JsonNode screen(String name) throws IOException, InterruptedException {
        return call("POST", "/api/screen", Map.of("name", name));
    }

    /** {@code GET /api/crossings/{id}/hits}. */
    JsonNode hits(long crossingId) throws IOException, InterruptedException {
        return call("GET", "/api/crossings/" + crossingId + "/hits", null);
    }

    /** Corrects crossing {@code id}; returns the correcting crossing's id. */
    long correct(long id, CrossingRequest corrected, String reason) throws IOException, InterruptedException {
        return call("POST", "/api/crossings/" + id + "/corrections", Map.of("reason", reason, "crossing", corrected))
                .path("crossing").path("id").asLong();
    }

    /** Every crossing this account may read, corrected and superseded rows alike, following the pages. */
    List<JsonNode> crossings() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String path = "/api/crossings?limit=10000";
        while (path != null) {
            HttpResponse<String> response = send("GET", path, null);
            JSON.readTree(response.body()).forEach(all::add);
            path = response.headers().firstValue("Link").map(NodeClient::next).orElse(null);
        }
        return all;
    }

    /** {@code GET /api/persons/{id}/stay} as of {@code day}. */
    JsonNode stay(long personId, LocalDate day) throws IOException, InterruptedException {
        return call("GET", "/api/persons/" + personId + "/stay?asOf=" + day, null);
    }

    /** {@code GET /api/exchange/status}. */
    JsonNode exchangeStatus() throws IOException, InterruptedException {
        return call("GET", "/api/exchange/status", null);
    }

    private static String next(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        return JSON.readTree(send(method, path, body).body());
    }

    private HttpResponse<String> send(String method, String path, Object body)
            throws IOException, InterruptedException {
        if (token == null) {
            logIn();
        }
        try {
            return exchange(method, path, body, token);
        } catch (Unauthorized e) {
            // The node restarted since this client logged in: its sessions went with it.
            logIn();
            return exchange(method, path, body, token);
        }
    }

    private void logIn() throws IOException, InterruptedException {
        token = JSON.readTree(exchange("POST", "/api/login", Map.of("username", username, "password", password),
                null).body()).path("token").asText();
    }

    /** A 401: the session is not known (any more). */
    private static final class Unauthorized extends IOException {
        Unauthorized(String message) {
            super(message);
        }
    }

    private HttpResponse<String> exchange(String method, String path, Object body, String bearer)
            throws IOException, InterruptedException {
        URI base = node.api();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.GET();
        } else if (body instanceof String text) {
            request.header("Content-Type", "text/csv")
                    .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 401 && bearer != null) {
            throw new Unauthorized(username + "@" + node.node + ": " + method + " " + path + " answered 401");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(username + "@" + node.node + ": " + method + " " + path + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }
}

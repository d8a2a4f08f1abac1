package org.ibex.demo;

import org.ibex.node.Failures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A node's HTTP API as one of its users uses it: an administrator sends a note or a ping and reads status and
 * inbox, an officer records a crossing, an analyst reads crossings and stays or asks another agency a question.
 */
public final class NodeApi {
    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final String baseUrl;
    private String token;

    public NodeApi(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
    }

    /** Where the node's API listens, for another user's session with it. */
    public String baseUrl() {
        return baseUrl;
    }

    public void login(String username, String password) throws IOException, InterruptedException {
        token = call("POST", "/api/login", Map.of("username", username, "password", password)).get("token").asText();
    }

    /** {@code GET path}, its JSON answer. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    /** {@code POST path} with {@code body} as JSON, its JSON answer. */
    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return call("POST", path, body);
    }

    /** An answer with its status, for a call whose refusal is part of the story. */
    public record Reply(int status, JsonNode body) {
    }

    /** {@code POST path} with {@code body} as JSON, answered with whatever status: a refusal is not an error here. */
    public Reply attempt(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", path, body);
        return new Reply(response.statusCode(), response.body().isBlank() ? JSON.nullNode()
                : JSON.readTree(response.body()));
    }

    /** {@code PUT path} with {@code csv} as the body (a watchlist's content), its JSON answer. */
    public JsonNode putCsv(String path, String csv) throws IOException, InterruptedException {
        return call("PUT", path, csv);
    }

    /** Queues a message at this node; returns its envelope id. */
    public String send(String to, String type, String text) throws IOException, InterruptedException {
        return call("POST", "/api/exchange/messages", Map.of("to", to, "type", type, "text", text)).get("id").asText();
    }

    /** Messages this node has queued for {@code peer} and not yet had receipted. */
    public long backlog(String peer) throws IOException, InterruptedException {
        for (JsonNode status : call("GET", "/api/exchange/status", null).get("peers")) {
            if (status.get("peer").asText().equals(peer)) {
                return status.get("backlog").asLong();
            }
        }
        throw new IllegalStateException(name + " does not list " + peer + " among its peers");
    }

    /** The received message with this id among the latest, when it has arrived. */
    public Optional<JsonNode> received(String id) throws IOException, InterruptedException {
        for (JsonNode entry : call("GET", "/api/exchange/inbox?limit=100", null)) {
            if (entry.get("id").asText().equals(id)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public static Optional<Instant> instant(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(Instant.parse(value.asText()));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(name + " answered " + method + " " + path + " with HTTP " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
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
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(name + " at " + baseUrl + " did not answer " + method + " " + path + ": "
                    + Failures.describe(e), e);
        }
    }
}

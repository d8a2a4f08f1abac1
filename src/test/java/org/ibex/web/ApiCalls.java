package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.document.MrzWriter;
import org.ibex.store.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the API tests share: requests as a named user, JSON both ways, and crossings built from real MRZs. */
final class ApiCalls {
    static final ObjectMapper JSON = Json.mapper();
    private final TestNode node;
    private final Map<String, String> tokens = new HashMap<>();

    ApiCalls(TestNode node) {
        this.node = node;
    }

    /** The user's token, logging in on first use; null for a null user, so requests go anonymous. */
    String token(String user) {
        return user == null ? null : tokens.computeIfAbsent(user, node::login);
    }

    /** Sends {@code body} (a JSON string as is, anything else encoded) as {@code user}, with header name/value pairs. */
    HttpResponse<String> send(String method, String path, String user, Object body, String... headers) {
        String json = body == null ? null : body instanceof String s ? s : Json.write(JSON, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        String token = token(user);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return node.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** Sends and reads the answer as JSON, failing with the body when the status is not the one expected. */
    JsonNode expect(int status, String method, String path, String user, Object body, String... headers) {
        HttpResponse<String> response = send(method, path, user, body, headers);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + path + " as " + user + ": expected " + status + " but got "
                    + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A French passport with valid check digits, so the 90-in-180 default stay rule applies. */
    static String passport(String surname, String documentNumber, LocalDate birth, LocalDate expiry) {
        return MrzWriter.td3("FRA", surname, "JEAN", documentNumber, "FRA", birth, "M", expiry, null);
    }

    /** An adult's passport valid well beyond the tests' clock. */
    static String passport(String surname, String documentNumber) {
        return passport(surname, documentNumber, LocalDate.of(1980, 5, 17), LocalDate.of(2031, 1, 31));
    }

    /** A crossing request body: direction, post and MRZ; add uid, occurredAt or permit with {@code put}. */
    static Map<String, Object> crossing(String direction, String post, String mrz) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", direction);
        body.put("postId", post);
        body.put("mrz", mrz);
        return body;
    }

    /** Records an entry at {@code post} as {@code officer} and returns the answer (a RecordedCrossing). */
    JsonNode enter(String officer, String post, String mrz) {
        return expect(201, "POST", "/api/crossings", officer, crossing("ENTRY", post, mrz));
    }
}

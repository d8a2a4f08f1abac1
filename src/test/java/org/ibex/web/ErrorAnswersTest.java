package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the API sends, its own or the web framework's, is JSON in one shape: error, message, field. */
class ErrorAnswersTest {

    @Test
    void anUnknownPathIsAJsonNotFound() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            HttpResponse<String> response = new ApiCalls(node).send("GET", "/api/no-such-thing", "officer.a", null);

            assertError(response, 404, "not-found");
        }
    }

    @Test
    void aKnownPathAskedWithTheWrongMethodIsA405NamingTheAllowedOnes() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            HttpResponse<String> response = new ApiCalls(node).send("GET", "/api/login", null, null);

            assertError(response, 405, "method-not-allowed");
            assertThat(response.headers().firstValue("Allow")).as("RFC 9110: a 405 lists the methods the path takes")
                    .hasValue("POST");
        }
    }

    @Test
    void aBrowserAskingWithTheWrongMethodGetsTheSameJsonAndAllowHeader() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            HttpResponse<String> response = new ApiCalls(node).send("GET", "/api/login", null, null,
                    "Accept", "text/html");

            assertError(response, 405, "method-not-allowed");
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
    }

    @Test
    void aBodyOverTheCapIsAJson413NamingTheBody() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            String big = "{\"mrz\":\"" + "A".repeat(2 << 20) + "\"}";

            HttpResponse<String> response = api.send("POST", "/api/mrz", "officer.a", big);

            assertError(response, 413, "too-large");
            assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("body");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsA415NamingTheContentType() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/api/mrz"))
                    .header("Authorization", "Bearer " + node.login("officer.a"))
                    .header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<mrz>P&lt;UTO</mrz>")).build();

            HttpResponse<String> response = node.http.send(request, HttpResponse.BodyHandlers.ofString());

            assertError(response, 415, "unsupported-media-type");
            assertThat(ApiCalls.json(response).path("field").asText()).isEqualTo("Content-Type");
        }
    }

    @Test
    void curlsDefaultContentTypeIsStillReadAsJsonAsTheReadmeShows() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/api/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"analyst\",\"password\":\""
                            + TestNode.PASSWORD + "\"}")).build();

            HttpResponse<String> response = node.http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void anUnexpectedFailureIsAJson500WithAnIncidentAndNoStackTrace() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            api.token("officer.a");
            node.database.close();

            HttpResponse<String> response = api.send("GET", "/api/crossings/1", "officer.a", null);

            assertError(response, 500, "internal");
            assertThat(response.body()).as("the cause stays in the server log").contains("incident")
                    .doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void headersTooLargeForTheServerAreRefusedInTheSameShape() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            String answer = raw(node, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(64 * 1024)
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).as(answer).startsWith("HTTP/1.1 431");
            assertThat(answer).as("Jetty's own refusal is JSON too").contains("application/json")
                    .contains("{\"error\":\"invalid-request\"").doesNotContain("<h1>");
        }
    }

    @Test
    void aMalformedPathIsRefusedInTheSameShape() throws Exception {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            String answer = raw(node, "GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).as(answer).contains("application/json").contains("\"error\":").doesNotContain("<h1>");
        }
    }

    /** A request as bytes on a socket: the HTTP client refuses to send what these tests need to send. */
    private static String raw(TestNode node, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", node.server.port())) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // Jetty may keep a refused connection open, or reset it: what came back is the answer.
            }
            return answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("errors are JSON")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = ApiCalls.json(response);
        assertThat(body.path("error").asText()).as("a stable code for machines").isEqualTo(code);
        assertThat(body.path("message").asText()).as("a sentence for people").isNotBlank();
    }
}

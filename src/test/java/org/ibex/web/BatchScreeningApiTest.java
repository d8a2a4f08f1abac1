package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.node.Operator;
import org.ibex.watchlist.ListImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/screen/batch} against the real UN Security Council list of 2018: a manifest is screened whole in
 * the caller's scope, refused whole when it is too large or not a batch, and is one act in the access log.
 */
class BatchScreeningApiTest {
    private static final Path UN = Path.of("../shared/data/watchlists/un_consolidated_2018-10-29.xml");
    private static final String HEADER = "id,name,dateOfBirth,nationality,sex,documentNumber\n";
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithTheUnList() {
        node = new TestNode(Clock.systemUTC());
        api = new ApiCalls(node);
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        node.services.watchlists().importFile(new ListImport("unsc", "UN Security Council", "UN Security Council",
                null, null, null), UN, "un-xml", null, Operator.listManager("test import"));
        api.expect(200, "PUT", "/api/watchlists/air-local?format=csv", "supervisor.a", "id,name\nL1,Golfsson Jean\n");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aSupervisorsCsvManifestIsAnsweredRowByRowInOrderWithExplainedHits() {
        HttpResponse<String> response = post("supervisor.a", "text/csv", HEADER
                + "p1,KONY JOSEPH,,,,\np2,ANNE ORDINARY,1980-01-02,FRA,F,\np3,GOLFSSON JEAN,,,,\np4,X,not-a-date,,,\n",
                "?name=LH123-manifest.csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = ApiCalls.json(response);
        assertThat(rows.findValuesAsText("id")).containsExactly("p1", "p2", "p3", "p4");
        assertThat(rows.at("/0/hits/0/list").asText()).isEqualTo("unsc");
        assertThat(rows.at("/0/hits/0/entryId").asText()).isEqualTo("CFi.009");
        assertThat(rows.at("/0/hits/0/score").asDouble()).isBetween(0.8, 1.0);
        assertThat(rows.at("/0/hits/0/explanation").asText()).isNotBlank();
        assertThat(rows.at("/2/hits/0/list").asText()).as("the supervisor's own post's list").isEqualTo("air-local");
        assertThat(rows.at("/3/line").asInt()).isEqualTo(5);
        assertThat(rows.at("/3/error").asText()).isEqualTo("line 5: dateOfBirth 'not-a-date' must be a date yyyy-MM-dd");
        assertThat(response.headers().firstValue("X-Batch-Rows")).hasValue("4");
        assertThat(response.headers().firstValue("X-Batch-Failed")).hasValue("1");

        List<AccessLog.Entry> log = node.services.accessLog().recent("watchlist.screen.batch", 50);
        assertThat(log).anyMatch(e -> e.access().actor().equals("supervisor.a")
                && e.access().subject().startsWith("file=\"LH123-manifest.csv\" rows=4 failed=1 with-hits="));
        assertThat(log).anyMatch(e -> e.access().action().equals("watchlist.screen.batch.hits")
                && e.access().subject().contains("p1 unsc/CFi.009"));
    }

    @Test
    void anotherPostsSupervisorIsNotStoppedByThatPostsListAndAnAnalystSeesEveryList() {
        String csv = HEADER + "g,GOLFSSON JEAN,,,,\n";
        assertThat(post("supervisor.b", "text/csv", csv, "").body()).doesNotContain("air-local");
        assertThat(post("analyst", "text/csv", csv, "").body()).contains("air-local");
    }

    @Test
    void officersAndListManagersDoNotScreenManyPeopleAtOnce() {
        assertThat(post("officer.a", "text/csv", HEADER + "1,A,,,,\n", "").statusCode()).isEqualTo(403);
        assertThat(post("list.manager", "text/csv", HEADER + "1,A,,,,\n", "").statusCode()).isEqualTo(403);
        assertThat(post(null, "text/csv", HEADER + "1,A,,,,\n", "").statusCode()).isEqualTo(401);
    }

    @Test
    void aJsonManifestReadsUnderTheSameRulesAndJsonLinesAreThereForTheAsking() {
        String manifest = org.ibex.store.Json.write(ApiCalls.JSON, List.of(
                Map.of("id", "j1", "name", "JOSEF KONY", "nationality", "uga"),
                Map.of("id", "j2", "name", "A", "dob", "1970-01-01"),
                Map.of("id", "j3", "name", "A", "sex", 5)));
        HttpResponse<String> response = send("analyst", "application/json", manifest.getBytes(StandardCharsets.UTF_8),
                "", "Accept", BatchScreeningRoutes.NDJSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(BatchScreeningRoutes.NDJSON);
        List<JsonNode> lines = response.body().lines().map(BatchScreeningApiTest::read).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).at("/hits/0/entryId").asText()).isEqualTo("CFi.009");
        assertThat(lines.get(1).path("error").asText()).isEqualTo("item 2: unknown field 'dob'; the fields are id, name,"
                + " dateOfBirth, nationality, sex, documentNumber");
        assertThat(lines.get(2).path("error").asText()).isEqualTo("item 3: sex must be a string or null");
    }

    @Test
    void aBodyThatIsNotABatchIs422NamingTheRuleAndNothingIsScreened() {
        assertRefused(post("analyst", "text/csv", "1,JOHN SMITH,1970-01-01,GBR,M,\n", ""), 422,
                "the header lacks column id");
        assertRefused(post("analyst", "text/csv", "id,name,dob,nat\n1,JOHN,,\n", ""), 422,
                "the header lacks column dateOfBirth");
        assertRefused(post("analyst", "text/csv", "", ""), 422, "the body is empty");
        assertRefused(post("analyst", "text/csv", HEADER + "1,\"never closed,,,,\n", ""), 422,
                "quoted field not closed");
        assertRefused(send("analyst", "text/csv", (HEADER + "1,JOS\u00c9,,,,\n").getBytes(StandardCharsets.ISO_8859_1),
                ""), 422, "not UTF-8");
        assertRefused(post("analyst", "application/json", "{\"id\":\"1\",\"name\":\"A\"}", ""), 422,
                "an array of travellers");
        assertRefused(post("analyst", "application/json", "[{\"id\":", ""), 422, "malformed JSON");
        assertRefused(post("analyst", "application/xml", "<batch/>", ""), 415, "text/csv");
        assertThat(node.services.accessLog().recent("watchlist.screen.batch", 100))
                .noneMatch(e -> e.access().actor().equals("analyst") && e.access().subject().contains("rows=0"));
    }

    @Test
    void tenMegabytesOfGarbageAre413BeforeTheyAreRead() {
        byte[] garbage = new byte[10 << 20];
        new java.util.Random(7).nextBytes(garbage);
        assertRefused(send("analyst", "text/csv", garbage, ""), 413, "at most 4 MiB");
        assertRefused(sendStreamed("analyst", garbage), 413, "more than " + BatchScreeningRoutes.MAX_BYTES + " bytes");
    }

    @Test
    void aHundredThousandRowsAre413NamingTheRowLimitAndNothingIsScreened() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            csv.append(i).append(",A,,,,\n");
        }
        int before = node.services.accessLog().recent("watchlist.screen.batch", 10_000).size();
        assertRefused(post("analyst", "text/csv", csv.toString(), ""), 413, "more than 5000 travellers");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5_001; i++) {
            json.append(i == 0 ? "" : ",").append("{}");
        }
        assertRefused(post("analyst", "application/json", json.append(']').toString(), ""), 413,
                "5001, more than 5000 travellers");
        assertThat(node.services.accessLog().recent("watchlist.screen.batch", 10_000)).hasSize(before);
    }

    private static JsonNode read(String line) {
        try {
            return ApiCalls.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = ApiCalls.json(response);
        assertThat(body.path("message").asText()).contains(message);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static HttpResponse<String> post(String user, String type, String body, String query) {
        return send(user, type, body.getBytes(StandardCharsets.UTF_8), query);
    }

    private static HttpResponse<String> send(String user, String type, byte[] body, String query, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/api/screen/batch"
                + query)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type);
        return run(user, request, headers);
    }

    /** Without a declared length (chunked), so the limit must hold while the bytes arrive. */
    private static HttpResponse<String> sendStreamed(String user, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/api/screen/batch"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", "text/csv");
        return run(user, request);
    }

    private static HttpResponse<String> run(String user, HttpRequest.Builder request, String... headers) {
        if (user != null) {
            request.header("Authorization", "Bearer " + api.token(user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return node.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

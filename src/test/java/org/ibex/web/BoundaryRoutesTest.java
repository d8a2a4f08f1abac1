package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/boundaries}: who may read and import, the real Sudan set over HTTP, and uploads refused by field. */
class BoundaryRoutesTest {
    private static final Path SUDAN = Path.of("../shared/data/geo/sdn-adm1.geojson");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestNode node = new TestNode(java.time.Clock.systemUTC());

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void analystsReadTheShippedUtopiaSetAndOfficersMayNot() throws IOException {
        String analyst = node.login("analyst");
        HttpResponse<String> list = node.send("GET", "/api/boundaries", analyst, null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode rows = JSON.readTree(list.body()).get("rows");
        assertThat(rows.get(0).get("name").asText()).isEqualTo("utopia-adm1");
        assertThat(rows.get(0).get("features").asInt()).isEqualTo(6);
        assertThat(rows.get(0).get("source").asText()).isEqualTo("shipped");

        HttpResponse<String> geo = node.send("GET", "/api/boundaries/utopia-adm1", analyst, null);
        assertThat(geo.statusCode()).isEqualTo(200);
        assertThat(geo.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(JSON.readTree(geo.body()).get("features")).hasSize(6);

        assertThat(node.send("GET", "/api/boundaries/nowhere", analyst, null).statusCode()).isEqualTo(404);
        assertThat(node.send("GET", "/api/boundaries", node.login("officer.a"), null).statusCode()).isEqualTo(403);
        assertThat(node.send("GET", "/api/boundaries", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAnalystImportsSudanAndASupervisorMayNotImport() throws Exception {
        byte[] sudan = Files.readAllBytes(SUDAN);
        HttpResponse<String> refused = post("/api/boundaries?name=sdn-adm1", node.login("supervisor.a"), sudan);
        assertThat(refused.statusCode()).isEqualTo(403);

        HttpResponse<String> imported = post("/api/boundaries?name=sdn-adm1", node.login("analyst"), sudan);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).get("features").asInt()).isEqualTo(19);
        HttpResponse<String> geo = node.send("GET", "/api/boundaries/sdn-adm1", node.login("supervisor.a"), null);
        assertThat(JSON.readTree(geo.body()).get("features")).hasSize(19);
    }

    @Test
    void badUploadsAnswer400NamingTheFeatureAndFieldAndOversizeIsRefusedUnread() throws Exception {
        String analyst = node.login("analyst");
        byte[] noPcode = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"X\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}")
                .getBytes();
        HttpResponse<String> bad = post("/api/boundaries?name=bad", analyst, noPcode);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("features[0].properties.pcode");

        assertThat(post("/api/boundaries", analyst, noPcode).statusCode()).as("name required").isEqualTo(400);
        HttpResponse<String> big = post("/api/boundaries?name=big", analyst,
                new byte[org.ibex.boundaries.Boundaries.MAX_BYTES + 1]);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(node.send("GET", "/api/boundaries", analyst, null).body()).get("rows")).hasSize(1);
    }

    private HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

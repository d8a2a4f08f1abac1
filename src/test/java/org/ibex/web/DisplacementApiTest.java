package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.displacement.UtopiaDtm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The displacement API as analysts use it: Utopia's demo rounds and IOM's Sudan export imported, the surge
 * listed and exported, bad files refused with every problem and nothing stored; officers and supervisors refused.
 */
class DisplacementApiTest {
    private static final String UTOPIA = URLEncoder.encode("Utopia flood response", StandardCharsets.UTF_8);
    private static final String HEADER = "id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,"
            + "admin2Pcode,numPresentIdpInd,reportingDate,yearReportingDate,monthReportingDate,roundNumber,"
            + "assessmentType";
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithUtopiaRounds() {
        node = new TestNode(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));
        api = new ApiCalls(node);
        JsonNode imported = api.expect(200, "POST", "/api/displacement/imports?name=utopia-dtm.csv", "analyst",
                new String(UtopiaDtm.csv(), StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(imported.path("status").asText()).isEqualTo("imported");
        assertThat(imported.path("added").asInt()).isEqualTo(72);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void theSameFileAgainChangesNothing() {
        JsonNode again = api.expect(200, "POST", "/api/displacement/imports", "admin",
                new String(UtopiaDtm.csv(), StandardCharsets.UTF_8));
        assertThat(again.path("status").asText()).isEqualTo("unchanged");
        assertThat(again.path("unchanged").asInt()).isEqualTo(72);
    }

    @Test
    void theRiverPlainSurgeIsListedAndExportedAndTheReadIsLogged() {
        JsonNode surges = api.expect(200, "GET", "/api/displacement/surges?operation=" + UTOPIA, "analyst", null)
                .path("rows");
        assertThat(surges).hasSize(1);
        assertThat(surges.get(0).path("pcode").asText()).isEqualTo("UT03");
        assertThat(surges.get(0).path("name").asText()).isEqualTo("River Plain");
        assertThat(surges.get(0).path("fromDisplaced").asLong()).isEqualTo(1_000);
        assertThat(surges.get(0).path("toDisplaced").asLong()).isEqualTo(1_000_000);
        assertThat(surges.get(0).path("factor").asDouble()).isEqualTo(1000.0);

        HttpResponse<String> csv = api.send("GET", "/api/displacement/surges?format=csv&operation=" + UTOPIA, "admin",
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().toList()).hasSize(2).first().isEqualTo("operation,pcode,name,fromDate,fromRound,"
                + "fromDisplaced,toDate,toRound,toDisplaced,factor,jump");
        assertThat(node.services.accessLog().recent("displacement.surges", 5)).isNotEmpty();

        assertThat(api.expect(200, "GET", "/api/displacement/surges?operation=" + UTOPIA + "&factor=2000&jump=1000000",
                "analyst", null).path("rows")).as("below both limits: no surge").isEmpty();
    }

    @Test
    void areasTrendAndOperations() {
        JsonNode areas = api.expect(200, "GET", "/api/displacement/areas?level=1&operation=" + UTOPIA, "analyst", null)
                .path("rows");
        assertThat(areas).hasSize(6);
        assertThat(areas.findValuesAsText("pcode")).containsExactly("UT01", "UT02", "UT03", "UT04", "UT05", "UT06");
        assertThat(areas.get(2).path("round").asInt()).isEqualTo(12);
        JsonNode june = api.expect(200, "GET", "/api/displacement/areas?level=1&date=2026-06-30&operation=" + UTOPIA,
                "analyst", null).path("rows");
        assertThat(june.get(2).path("displaced").asLong()).isEqualTo(1_000_000);

        JsonNode trend = api.expect(200, "GET", "/api/displacement/trend?pcode=UT03", "analyst", null).path("rows");
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0).path("reportingDate").asText()).isEqualTo("2026-01-31");

        JsonNode operations = api.expect(200, "GET", "/api/displacement/operations", "admin", null).path("rows");
        assertThat(operations.findValuesAsText("operation")).contains("Utopia flood response");
    }

    @Test
    void officersAndSupervisorsAreForbidden() {
        for (String user : List.of("officer.a", "supervisor.a", "list.manager")) {
            for (String path : List.of("/api/displacement/operations", "/api/displacement/areas",
                    "/api/displacement/trend?pcode=UT03", "/api/displacement/surges")) {
                assertThat(api.send("GET", path, user, null).statusCode()).as(user + " " + path).isEqualTo(403);
            }
            assertThat(api.send("POST", "/api/displacement/imports", user, HEADER + "\n").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAndNothingIsStored() {
        String body = HEADER + "\n"
                + ",Bad op,Utopia,UTO,Capital District,UT01,,,100,2026-01-31T00:00:00,2026,1,1,BA\n"
                + ",Bad op,Utopia,UTO,Northern Hills,UT02,,,-4,2026-01-31T00:00:00,2026,1,1,BA\n"
                + ",Bad op,Utopia,UTO,River Plain,UT03,,,12,2026-13-01T00:00:00,2026,1,1,BA\n";
        HttpResponse<String> response = api.send("POST", "/api/displacement/imports", "analyst", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = ApiCalls.json(response);
        assertThat(error.path("error").asText()).isEqualTo("invalid-dtm-file");
        List<String> problems = new java.util.ArrayList<>();
        error.path("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems).containsExactly("line 3: field numPresentIdpInd: must not be negative (got '-4')",
                "line 4: field reportingDate: must be a date yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss (got"
                        + " '2026-13-01T00:00:00')");
        assertThat(api.expect(200, "GET", "/api/displacement/operations", "analyst", null).findValuesAsText("operation"))
                .doesNotContain("Bad op");
    }

    @Test
    void hostileBodiesAndParametersGetClearErrors() {
        assertThat(api.send("POST", "/api/displacement/imports", "analyst", "x".repeat((1 << 20) + 10)).statusCode())
                .as("over the node's limit, refused while it is read").isEqualTo(413);
        assertThat(api.send("POST", "/api/displacement/imports", "analyst", "").statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(api.send("POST", "/api/displacement/imports", "analyst", "{\"result\":[{\"operation\":"
                + "\"<img src=x onerror=alert(1)>\"}]}")).path("problems").get(0).asText())
                .startsWith("result[0]: field operation: must not contain");
        assertThat(api.send("GET", "/api/displacement/surges?factor=abc", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/displacement/surges?factor=1", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/displacement/surges?jump=-5", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/displacement/surges?format=xml", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/displacement/trend", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/displacement/areas?level=7", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/displacement/areas?date=yesterday", "analyst", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theSudanExportImportsThroughTheApi() throws IOException {
        Path sudan = Path.of("../shared/data/dtm/dtm-api-idp-admin1-sdn.json");
        Assumptions.assumeTrue(Files.isReadable(sudan), "IOM DTM exports are not in ../shared/data/dtm");
        JsonNode imported = api.expect(200, "POST", "/api/displacement/imports?name=sdn.json", "admin",
                Files.readString(sudan));
        assertThat(imported.path("rows").asInt()).isEqualTo(1482);
        assertThat(imported.path("operations").asInt()).isEqualTo(4);
        assertThat(imported.path("areas").asInt()).isEqualTo(18);
        JsonNode areas = api.expect(200, "GET", "/api/displacement/areas?level=1&operation="
                + URLEncoder.encode("Armed Clashes in Sudan", StandardCharsets.UTF_8).replace("+", "%20"),
                "analyst", null).path("rows");
        assertThat(areas.size()).isBetween(1, 18);
    }
}

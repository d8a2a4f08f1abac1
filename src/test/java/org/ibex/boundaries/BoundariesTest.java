package org.ibex.boundaries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Boundaries as the maps need them: Utopia shipped (fictional, in open ocean), a real state's admin1 set imported
 * from ../shared (never copied into the repository), and hostile uploads refused by feature index and field with
 * nothing stored.
 */
class BoundariesTest {
    /** OCHA/IOM's Sudan admin1 boundaries: 18 states and Abyei, read in place for their licence. */
    static final Path SUDAN = Path.of("../shared/data/geo/sdn-adm1.geojson");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database database = TestDatabases.fresh();
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
    private final Boundaries boundaries = new Boundaries(database, new AuditLog(clock), clock);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void utopiaIsShippedWithSixNamedAreasInOpenOcean() throws IOException {
        assertThat(boundaries.list()).first().satisfies(set -> {
            assertThat(set.name()).isEqualTo("utopia-adm1");
            assertThat(set.features()).isEqualTo(6);
            assertThat(set.source()).isEqualTo("shipped");
        });
        assertThat(boundaries.areas("utopia-adm1").orElseThrow()).extracting(Area::pcode)
                .containsExactly("UT01", "UT02", "UT03", "UT04", "UT05", "UT06");
        assertThat(boundaries.areas("utopia-adm1").orElseThrow()).extracting(Area::name)
                .contains("Capital District", "River Plain", "Western Desert");
        JsonNode geo = JSON.readTree(boundaries.geoJson("utopia-adm1").orElseThrow());
        for (JsonNode feature : geo.get("features")) {
            for (JsonNode position : feature.at("/geometry/coordinates/0")) {
                assertThat(position.get(0).asDouble()).as("longitude in the Tasman Sea, no real state implied")
                        .isBetween(150.0, 156.0);
                assertThat(position.get(1).asDouble()).isBetween(-30.0, -24.0);
            }
        }
    }

    @Test
    void sudansRealAdmin1BoundariesImportWithTheirPcodes() throws IOException {
        BoundarySet set = boundaries.importSet("sdn-adm1", Files.readAllBytes(SUDAN), "analyst");

        assertThat(set.features()).isEqualTo(19);
        assertThat(set.points()).isGreaterThan(2_000);
        assertThat(boundaries.list()).extracting(BoundarySet::name).containsExactly("utopia-adm1", "sdn-adm1");
        assertThat(boundaries.areas("sdn-adm1").orElseThrow()).extracting(Area::pcode).contains("SD01", "SD06");
        JsonNode stored = JSON.readTree(boundaries.geoJson("sdn-adm1").orElseThrow());
        assertThat(stored.get("features")).hasSize(19);
        assertThat(stored.has("crs")).as("only what the maps use is kept").isFalse();
        assertThat(audited("boundaries.imported")).isEqualTo(1);
    }

    @Test
    void importingAgainUnderTheSameNameReplacesTheSet() {
        boundaries.importSet("mini", collection(feature("A1", "Alpha", square(10, 10))), "analyst");
        boundaries.importSet("mini", collection(feature("B1", "Beta", square(20, 20)) + ","
                + feature("B2", "Gamma", square(30, 30))), "analyst");

        assertThat(boundaries.areas("mini").orElseThrow()).extracting(Area::pcode).containsExactly("B1", "B2");
        assertThat(boundaries.list()).hasSize(2);
    }

    @Test
    void hostileUploadsAreRefusedNamingTheFeatureAndFieldWithNothingStored() {
        String good = feature("A1", "Alpha", square(10, 10));
        refused("not json {", "body");
        refused("[1,2,3]", "type");
        refused("{\"type\":\"Feature\"}", "type");
        refused("{\"type\":\"FeatureCollection\",\"features\":[]}", "features");
        refused(collection(good + ",{\"type\":\"Feature\",\"properties\":{\"name\":\"X\"},\"geometry\":"
                + square(1, 1) + "}"), "features[1].properties.pcode");
        refused(collection(good + "," + feature("A2", "", square(1, 1))), "features[1].properties.name");
        refused(collection(good + "," + feature("A1", "Again", square(1, 1))), "features[1].properties.pcode");
        refused(collection(good + "," + feature("<script>", "X", square(1, 1))), "features[1].properties.pcode");
        refused(collection("{\"type\":\"Feature\",\"properties\":{\"pcode\":\"P\",\"name\":\"N\"},\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[1,2]}}"), "features[0].geometry.type");
        refused(collection(feature("P", "N", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}")),
                "features[0].geometry.coordinates[0]");
        refused(collection(feature("P", "N", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}")),
                "features[0].geometry.coordinates[0]");
        refused(collection(feature("P", "N", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[181,0],[1,1],[0,0]]]}")),
                "features[0].geometry.coordinates[0][1]");
        refused(collection(feature("P", "N", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,-91],[1,1],[0,0]]]}")),
                "features[0].geometry.coordinates[0][1]");
        refused(collection(feature("P", "N", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[\"1\",0],[1,1],[0,0]]]}")),
                "features[0].geometry.coordinates[0][1]");
        refused(collection(feature("P", "N", "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
                + "[[[0,0],[1e999,0],[1,1],[0,0]]]]}")), "features[0].geometry.coordinates[1][0][1]");
        refused("[".repeat(5_000) + "]".repeat(5_000), "body");

        assertThat(boundaries.list()).as("nothing half-imported").hasSize(1);
        assertThat(audited("boundaries.imported")).isZero();
    }

    @Test
    void sizeFeatureAndPointLimitsHoldBeforeAnythingIsStored() {
        byte[] huge = new byte[Boundaries.MAX_BYTES + 1];
        assertThatThrownBy(() -> boundaries.importSet("big", huge, "analyst"))
                .isInstanceOfSatisfying(BoundaryException.class, e -> assertThat(e.field()).isEqualTo("body"))
                .hasMessageContaining("at most " + Boundaries.MAX_BYTES);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= Boundaries.MAX_FEATURES; i++) {
            many.append(i == 0 ? "" : ",").append(feature("P" + i, "N", square(1, 1)));
        }
        refused(collection(many.toString()), "features");
        StringBuilder ring = new StringBuilder("[0,0]");
        for (int i = 0; i < Boundaries.MAX_POINTS; i++) {
            ring.append(",[0.5,0.5]");
        }
        ring.append(",[0,0]");
        refused(collection(feature("P", "N", "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}")),
                "features[0].geometry.coordinates[0]");
    }

    @Test
    void theShippedSetCannotBeReplacedAndNamesAreChecked() {
        byte[] ok = collection(feature("A1", "Alpha", square(10, 10)));
        assertThatThrownBy(() -> boundaries.importSet("utopia-adm1", ok, "analyst"))
                .isInstanceOfSatisfying(BoundaryException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> boundaries.importSet("../etc", ok, "analyst"))
                .isInstanceOfSatisfying(BoundaryException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(boundaries.geoJson("nowhere")).isEmpty();
        assertThat(boundaries.areas("nowhere")).isEmpty();
    }

    private void refused(String body, String field) {
        refused(body.getBytes(StandardCharsets.UTF_8), field);
    }

    private void refused(byte[] body, String field) {
        assertThatThrownBy(() -> boundaries.importSet("hostile", body, "analyst"))
                .as("refused naming %s", field)
                .isInstanceOfSatisfying(BoundaryException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    static byte[] collection(String features) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}").getBytes(StandardCharsets.UTF_8);
    }

    static String feature(String pcode, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"pcode\":\"" + pcode + "\",\"name\":\"" + name
                + "\"},\"geometry\":" + geometry + "}";
    }

    static String square(double lon, double lat) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + 1) + "," + lat + "],["
                + (lon + 1) + "," + (lat + 1) + "],[" + lon + "," + (lat + 1) + "],[" + lon + "," + lat + "]]]}";
    }

    private long audited(String kind) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE kind = ?")) {
                select.setString(1, kind);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}

package org.ibex.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex import boundaries FILE --name NAME}: Sudan's real set from ../shared, and a bad file refused (exit 2). */
class ImportBoundariesCommandTest {
    private static final Path SUDAN = Path.of("../shared/data/geo/sdn-adm1.geojson");

    @Test
    void sudansAdmin1SetImportsAndABadFileIsRefusedByFeatureAndField() throws IOException {
        TestDataFolder data = TestDataFolder.create();
        CliRun run = CliRun.of("import", "boundaries", SUDAN.toString(), "--name", "sdn-adm1", "--data", data.arg());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("boundary set sdn-adm1 imported: 19 areas");

        Path bad = Files.createTempFile("bad", ".geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"pcode\":\"X1\",\"name\":\"X\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[1,1],[0,1]]]}}]}");
        CliRun refused = CliRun.of("import", "boundaries", bad.toString(), "--name", "bad", "--data", data.arg());
        assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
        assertThat(refused.err()).contains("nothing imported", "features[0].geometry.coordinates[0]", "not closed");
        assertThat(refused.printedStackTrace()).isFalse();

        CliRun missing = CliRun.of("import", "boundaries", "no-such.geojson", "--name", "x", "--data", data.arg());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.printedStackTrace()).isFalse();
    }
}

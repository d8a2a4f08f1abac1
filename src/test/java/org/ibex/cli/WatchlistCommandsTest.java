package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchlist and names commands as an operator runs them. */
class WatchlistCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesScorePrintsAScoreAndAVerdictPerLine() {
        CliRun run = withStdin("MOHAMMED\tمحمد\nSMITH\tIVANOV\n", "names", "score");
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("0\\.\\d{4}\ttrue");
        assertThat(lines.get(1)).matches("0\\.\\d{4}\tfalse");
    }

    @Test
    void namesScoreFlagsALineWithoutATabAndGoesOn() {
        CliRun run = withStdin("no tab here\nCOHEN\tכהן\n", "names", "score");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 1: expected nameA<TAB>nameB");
        assertThat(run.out().lines().toList()).hasSize(2).last().asString().endsWith("true");
    }

    @Test
    void screeningAFileInMemoryPrintsOneJsonLinePerQueryWithExplainedHits() throws Exception {
        Path list = Files.createTempFile("list", ".csv");
        Files.writeString(list, "id,name\nW1,Иванов Сергей\nW2,محمد حسن\n", StandardCharsets.UTF_8);
        Path queries = Files.createTempFile("queries", ".txt");
        Files.writeString(queries, "SERGEI IVANOV\nJOHN SMITH\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("watchlist", "screen", "--list", list.toString(), "--queries", queries.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode ivanov = JSON.readTree(lines.get(0));
        assertThat(ivanov.path("query").asText()).isEqualTo("SERGEI IVANOV");
        assertThat(ivanov.at("/hits/0/id").asText()).isEqualTo("W1");
        assertThat(ivanov.at("/hits/0/score").asDouble()).isBetween(0.8, 1.0);
        assertThat(ivanov.at("/hits/0/explanation").asText()).contains("Иванов Сергей").contains("SERGEI");
        assertThat(JSON.readTree(lines.get(1)).path("hits").size()).isZero();
    }

    @Test
    void theUnConsolidatedListImportsWholeAndIsScreenedByTheNode() throws Exception {
        TestDataFolder folder = TestDataFolder.create();
        Path un = Path.of("src/test/resources/org/ibex/watchlist/un-consolidated.xml");
        CliRun imported = CliRun.of("watchlist", "import", un.toString(), "--list", "unsc",
                "--owner", "UN Security Council", "--data", folder.arg());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("list unsc: 6 persons");
        CliRun listed = CliRun.of("watchlist", "list", "--data", folder.arg());
        assertThat(listed.out()).contains("unsc").contains("6 persons");
        CliRun screened = CliRun.of("watchlist", "screen", "--name", "AHMAD AL-NOURI", "--data", folder.arg());
        assertThat(screened.exit()).isZero();
        assertThat(screened.out()).contains("unsc/");
    }

    @Test
    void theReadmesCommandImportsARealOpenSanctionsExportWhoseHeaderIsQuoted() throws Exception {
        // Every field of a real targets.simple.csv is quoted, header included: it was taken for our own CSV and
        // refused (exit 2, 0 rows).
        Path export = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "watchlists",
                "os_ukraine_war_sanctions_targets.simple.csv");
        assertThat(export).as("the shared OpenSanctions export").isReadable();
        assertThat(Files.readString(export).lines().findFirst()).hasValueSatisfying(h -> assertThat(h)
                .startsWith("\"id\",\"schema\","));
        TestDataFolder folder = TestDataFolder.create();
        CliRun imported = CliRun.of("watchlist", "import", export.toString(), "--list", "os", "--owner", "X",
                "--data", folder.arg());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("list os: 1543 persons").contains("from 5600 rows");
    }

    @Test
    void aBrokenListIsNotImportedAndTheEarlierOneStays() throws Exception {
        TestDataFolder folder = TestDataFolder.create();
        Path good = Path.of("src/test/resources/org/ibex/watchlist/minimal.csv");
        assertThat(CliRun.of("watchlist", "import", good.toString(), "--list", "alerts", "--owner", "National police",
                "--data", folder.arg()).exit()).isZero();
        Path broken = Path.of("src/test/resources/org/ibex/watchlist/un-truncated.xml");
        CliRun run = CliRun.of("watchlist", "import", broken.toString(), "--list", "alerts", "--data", folder.arg());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("not imported").contains("unchanged");
        assertThat(CliRun.of("watchlist", "list", "--data", folder.arg()).out()).contains("3 persons");
    }

    private static CliRun withStdin(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(original);
        }
    }
}

package org.ibex.cli;

import org.ibex.audit.AccessLog;
import org.ibex.node.Node;
import org.ibex.watchlist.ListRecord;
import org.ibex.watchlist.NamesakePolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex watchlist calibrate}: a threshold from a target alert rate, stored with the rate and audited. */
class WatchlistCalibrateCommandTest {

    @Test
    void calibrationSetsTheListsThresholdSoThatAtMostTheTargetShareAlertsAndLogsIt() throws Exception {
        TestDataFolder folder = TestDataFolder.create();
        Path un = Path.of("src/test/resources/org/ibex/watchlist/un-consolidated.xml");
        assertThat(CliRun.of("watchlist", "import", un.toString(), "--list", "unsc", "--owner", "UN Security Council",
                "--data", folder.arg()).exit()).isZero();
        CliRun generated = CliRun.of("bench", "population", "--size", "400", "--seed", "3");
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out().lines().findFirst()).hasValue("id,name,dateOfBirth,nationality,sex,documentNumber");
        Path population = Files.createTempFile("population", ".csv");
        Files.writeString(population, generated.out(), StandardCharsets.UTF_8);

        CliRun run = CliRun.of("watchlist", "calibrate", "--list", "unsc", "--population", population.toString(),
                "--alert-rate", "1%", "--data", folder.arg());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("400 travellers").containsPattern("threshold \\d+% \\(was 80%\\)")
                .contains("recall on the list's variations").contains("stored");
        try (Node node = Node.open(folder.path(), Map.of(), Clock.systemUTC())) {
            ListRecord list = node.services.watchlists().records().stream().filter(r -> r.info().id().equals("unsc"))
                    .findFirst().orElseThrow();
            assertThat(list.info().targetAlertRate()).isEqualTo(0.01);
            assertThat(list.info().namesakes()).isEqualTo(NamesakePolicy.SHOW);
            assertThat(run.out()).contains("threshold " + list.info().matchThresholdPercent() + "%");
            List<AccessLog.Entry> logged = node.services.accessLog().recent(20);
            assertThat(logged).extracting(e -> e.access().action()).contains("watchlist.settings", "watchlist.read");
            assertThat(logged).filteredOn(e -> e.access().action().equals("watchlist.settings")).singleElement()
                    .satisfies(e -> assertThat(e.access().subject()).contains("list/unsc")
                            .contains("calibrated for alert rate 0.0100").contains("was threshold=80%"));
        }
    }

    @Test
    void aRateThatIsNotAShareIsRefusedNamingTheOption() {
        CliRun run = CliRun.of("watchlist", "calibrate", "--list", "unsc", "--population", "none.csv",
                "--alert-rate", "150%", "--data", TestDataFolder.create().arg());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--alert-rate '150%'").doesNotContain("Exception");
    }
}

package org.ibex.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex bench population} and {@code ibex bench screening} as an operator runs them (tiny sizes: figures are not asserted). */
class ScreeningBenchTest {

    @Test
    void thePopulationIsTheBatchFormatAndTheSameForASeed() {
        CliRun a = CliRun.of("bench", "population", "--size", "50", "--seed", "9");
        CliRun b = CliRun.of("bench", "population", "--size", "50", "--seed", "9");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(a.out().lines()).hasSize(51).first().isEqualTo("id,name,dateOfBirth,nationality,sex,documentNumber");
        assertThat(a.out().lines().skip(1)).allMatch(l -> l.matches("T\\d+,[^,]+,\\d{4}-\\d{2}-\\d{2},[A-Z]{3},[MF],[A-Z]{2}\\d{7}"));
    }

    @Test
    void theScreeningBenchEndsWithItsSummaryLine() throws Exception {
        Path population = Files.createTempFile("population", ".csv");
        Files.writeString(population, CliRun.of("bench", "population", "--size", "30").out(), StandardCharsets.UTF_8);
        CliRun run = CliRun.of("bench", "screening", "--list", "src/test/resources/org/ibex/watchlist/un-consolidated.xml",
                "--population", population.toString(), "--brute-queries", "5", "--pad-to", "200");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("padded with").contains("brute force (");
        assertThat(run.out().lines().reduce((x, y) -> y).orElseThrow())
                .matches("SUMMARY listed-found=\\d+\\.\\d\\d% ordinary-alerted=\\d+\\.\\d\\d% p50=.* p99=\\d+\\.\\d\\dms .*");
    }
}

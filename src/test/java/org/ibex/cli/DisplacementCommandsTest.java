package org.ibex.cli;

import org.ibex.displacement.UtopiaDtm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex import dtm FILE}, {@code ibex stats displacement} and {@code ibex stats surges} as an operator runs
 * them: a summary, bad rows by line and field with exit 2 and nothing stored, CSV or JSON out.
 */
class DisplacementCommandsTest {
    private TestDataFolder data;
    private Path utopia;

    @BeforeEach
    void dataFolderWithUtopiaRoundsFile() throws IOException {
        data = TestDataFolder.create();
        utopia = data.path().resolve("utopia-dtm.csv");
        Files.write(utopia, UtopiaDtm.csv());
    }

    @Test
    void importsShowsASummaryAndAgainIsUnchanged() {
        CliRun first = CliRun.of("import", "dtm", "--data", data.arg(), utopia.toString());
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.out()).contains("utopia-dtm.csv: 72 rows: 72 added, 0 updated, 0 unchanged; 1 operations,"
                + " 6 areas; imported (read and checked in");

        CliRun again = CliRun.of("import", "dtm", "--data", data.arg(), utopia.toString());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.out()).contains("72 unchanged").contains("; unchanged (read");
    }

    @Test
    void badRowsExitTwoByLineAndFieldAndStoreNothing() throws IOException {
        List<String> lines = Files.readAllLines(utopia);
        Path bad = data.path().resolve("bad.csv");
        Files.writeString(bad, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).replace(",BA", ",B<A")
                + "\n" + lines.get(3).replace(",UTO,", ",Utopia,") + "\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("import", "dtm", "--data", data.arg(), bad.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.printedStackTrace()).isFalse();
        assertThat(run.err()).contains("nothing imported (2 problems)",
                "  line 3: field assessmentType: must be a short code",
                "  line 4: field admin0Pcode: must be 3 capital letters (ISO 3166 alpha-3, e.g. SDN) (got 'Utopia')");
        CliRun areas = CliRun.of("stats", "displacement", "--data", data.arg());
        assertThat(areas.out().lines().toList()).as(areas.output()).containsExactly(
                "pcode,name,level,displaced,reportingDate,round,operation");
    }

    @Test
    void aMissingOrUnreadableFileIsExitTwo() {
        CliRun run = CliRun.of("import", "dtm", "--data", data.arg(), data.path().resolve("nope.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read");
    }

    @Test
    void statsGiveLatestPerAreaTrendsAndSurgesAsCsvOrJson() {
        assertThat(CliRun.of("import", "dtm", "--data", data.arg(), utopia.toString()).exit()).isZero();

        CliRun areas = CliRun.of("stats", "displacement", "--data", data.arg(), "--level", "1");
        assertThat(areas.exit()).as(areas.output()).isZero();
        assertThat(areas.out().lines().toList()).hasSize(7).contains(
                "UT03,River Plain,1,62000,2026-12-31,12,Utopia flood response");

        CliRun trend = CliRun.of("stats", "displacement", "--data", data.arg(), "--pcode", "UT03", "--format", "json");
        assertThat(trend.exit()).as(trend.output()).isZero();
        assertThat(trend.out()).startsWith("{\"rows\":[{\"reportingDate\":\"2026-01-31\",\"round\":1,\"displaced\":980,");

        CliRun surges = CliRun.of("stats", "surges", "--data", data.arg());
        assertThat(surges.exit()).as(surges.output()).isZero();
        assertThat(surges.out().lines().toList()).containsExactly("operation,pcode,name,fromDate,fromRound,"
                + "fromDisplaced,toDate,toRound,toDisplaced,factor,jump", "Utopia flood response,UT03,River Plain,"
                + "2026-05-31,5,1000,2026-06-30,6,1000000,1000.0,999000");
        assertThat(surges.err()).contains("1 surges (factor > 2.0 or jump > 10000)");

        CliRun none = CliRun.of("stats", "surges", "--data", data.arg(), "--factor", "2000", "--jump", "1000000",
                "--format", "json");
        assertThat(none.out().strip()).isEqualTo("{\"rows\":[]}");

        CliRun wrong = CliRun.of("stats", "surges", "--data", data.arg(), "--factor", "0.5");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("factor must be above 1");
        assertThat(CliRun.of("stats", "surges", "--data", data.arg(), "--format", "xml").exit()).isEqualTo(2);
    }

    @Test
    void theSudanExportImportsFromTheSharedFolder() {
        Path sudan = Path.of("../shared/data/dtm/dtm-api-idp-admin1-sdn.csv");
        Assumptions.assumeTrue(Files.isReadable(sudan), "IOM DTM exports are not in ../shared/data/dtm");

        CliRun run = CliRun.of("import", "dtm", "--data", data.arg(), sudan.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("1482 rows: 1482 added, 0 updated, 0 unchanged; 4 operations, 18 areas");
    }
}

package org.ibex.cli;

import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex overstayers --csv}: the same export as the API's, for the operator; and imported crossings, which
 * lie in the past by nature, are stored marked imported and late rather than refused.
 */
class OverstayersCsvCommandTest {
    private TestDataFolder data;

    @BeforeEach
    void createDataFolderWithImportedEntries() throws IOException {
        data = TestDataFolder.create();
        CliRun post = CliRun.of("post", "add", "--data", data.arg(), "--id", "POST-T", "--name", "Test",
                "--kind", "land", "--zone", "UTC");
        assertThat(post.exit()).as(post.output()).isZero();
        String mrz = MrzWriter.td3("THA", "LONGSTAY", "SOMCHAI", "T00000001", "THA", LocalDate.of(1980, 1, 1), "M",
                LocalDate.of(2031, 1, 1), null);
        Path csv = Files.createTempFile(data.path(), "crossings", ".csv");
        Files.writeString(csv, "uid,direction,post,occurredAt,mrz\nt-1,ENTRY,POST-T,2026-06-01T08:00:00Z,\"" + mrz
                + "\"\n", StandardCharsets.UTF_8);
        CliRun imported = CliRun.of("import", "crossings", "--data", data.arg(), csv.toString());
        assertThat(imported.exit()).as(imported.output()).isZero();
    }

    @Test
    void csvHasTheHeaderAndTheOverstayerWithDocumentAndPost() {
        CliRun run = CliRun.of("overstayers", "--data", data.arg(), "--as-of", "2026-11-24", "--csv");

        assertThat(run.exit()).as(run.output()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("personId,surname,givenNames,nationality,dateOfBirth,sex,documentCode,"
                + "documentNumber,issuingState");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",LONGSTAY,SOMCHAI,THA,1980-01-01,M,P,T00000001,THA,2031-01-01,POST-T,2026-06-01,");
    }

    @Test
    void csvAndJsonTogetherAreRefused() {
        CliRun run = CliRun.of("overstayers", "--data", data.arg(), "--csv", "--json");

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("--json and --csv");
    }

    @Test
    void anImportedCrossingIsMarkedImportedAndLate() {
        CliRun list = CliRun.of("crossing", "list", "--data", data.arg());

        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.out()).contains("\"late\":true").contains("\"imported\":true");
    }
}

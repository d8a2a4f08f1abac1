package org.ibex.watchlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.watchlist.TestInputs.resourcePath;

class WatchlistFilesTest {
    @Test
    void recognisesEachFormatFromItsFirstBytes(@TempDir Path dir) throws IOException {
        // Copied to names without a telling extension, so only the content can tell.
        for (String[] sample : new String[][] {{"watchlist.json", "P-001"}, {"un-consolidated.xml", "QDi.901"},
                {"opensanctions-targets.simple.csv", "Q1234567"}}) {
            Path file = Files.copy(resourcePath(sample[0]), dir.resolve(sample[0] + ".data"));
            ParsedEntries parsed = WatchlistFiles.parse(file, "l", null, null);
            assertThat(parsed.persons()).as(sample[0]).extracting(PersonEntry::entryId).contains(sample[1]);
        }
    }

    @Test
    void recognisesAnOpenSanctionsExportWhoseHeaderFieldsAreAllQuoted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("targets.simple.csv");
        Files.writeString(file, "\"id\",\"schema\",\"name\",\"birth_date\"\n\"NK-1\",\"Person\",\"Anna\",\"1980;1981\"\n");

        ParsedEntries parsed = WatchlistFiles.parse(file, "l", null, null);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.persons()).singleElement().satisfies(p -> assertThat(p.datesOfBirth()).hasSize(2));
    }

    @Test
    void recognisesOurCsvFromItsExtension() {
        ParsedEntries parsed = WatchlistFiles.parse(resourcePath("minimal.csv"), "l", null, null);

        assertThat(parsed.persons()).hasSize(3);
    }

    @Test
    void usesTheNamedFormatWhateverTheFileLooksLike() {
        ParsedEntries parsed = WatchlistFiles.parse(resourcePath("minimal.csv"), "l", "opensanctions", null);

        assertThat(parsed.errors()).extracting(RowError::field).containsExactly("schema");
    }

    @Test
    void reportsProgress() {
        List<Integer> progress = new ArrayList<>();
        WatchlistFiles.parse(resourcePath("watchlist.csv"), "l", "CSV", progress::add);

        assertThat(progress).containsExactly(7);
    }

    @Test
    void refusesAnUnknownFormatNamingTheKnownOnes() {
        ParsedEntries parsed = WatchlistFiles.parse(resourcePath("minimal.csv"), "l", "xlsx", null);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.FORMAT);
            assertThat(e.message()).contains("'xlsx'", "[csv, json, un-xml, opensanctions]");
        });
    }

    @Test
    void reportsAFileItCannotRecognise(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("list.txt"), "id;name\n1;Anna\n");

        ParsedEntries parsed = WatchlistFiles.parse(file, "l", null, null);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(RowError.FORMAT);
            assertThat(e.message()).contains("cannot tell the format of list.txt");
        });
    }

    @Test
    void reportsAMissingFileAsAFileLevelError(@TempDir Path dir) {
        ParsedEntries parsed = WatchlistFiles.parse(dir.resolve("absent.csv"), "l", "csv", null);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.IO);
            assertThat(e.message()).contains("absent.csv");
        });
    }
}

package org.ibex.screens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar's estimate of a file's entries, counted before the import starts. */
class WatchlistImportsTest {
    @TempDir
    Path dir;

    @Test
    void aCsvCountsItsLinesBelowTheHeader() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "id,name\nA,B\nC,D\nE,F\n");
        assertThat(WatchlistImports.estimate(csv, null)).isEqualTo(3);
        assertThat(WatchlistImports.estimate(csv, "opensanctions")).isEqualTo(3);
    }

    @Test
    void theUnXmlCountsItsIndividualsAndEntities() throws Exception {
        Path xml = Files.writeString(dir.resolve("u.list"), "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>x</INDIVIDUAL>"
                + "<INDIVIDUAL>y</INDIVIDUAL></INDIVIDUALS><ENTITIES><ENTITY>z</ENTITY></ENTITIES><<INDIVIDUAL>"
                + "</CONSOLIDATED_LIST>");
        assertThat(WatchlistImports.estimate(xml, "un-xml")).isEqualTo(4);
    }

    @Test
    void jsonHasNoEstimateAndTheBarShowsActivity() throws Exception {
        Path json = Files.writeString(dir.resolve("j.json"), "[{\"id\":\"A\",\"name\":\"B\"}]");
        assertThat(WatchlistImports.estimate(json, null)).isNull();
        assertThat(new WatchlistViews.ImportView("i", "l", "f", null, true, 5, null, null, null, null).percent())
                .isZero();
        assertThat(new WatchlistViews.ImportView("i", "l", "f", null, true, 500, 100, null, null, null).percent())
                .isEqualTo(99);
    }
}

package org.ibex.cli;

import org.ibex.access.Actor;
import org.ibex.names.NameMatcher;
import org.ibex.node.Operator;
import org.ibex.watchlist.BatchScreening;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.WatchlistInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees on the terminal while a batch runs: a bar with the rows done, then the summary. */
class BatchRunTest {
    @Test
    void aTerminalGetsAProgressBarOverTheRowsAndThenTheSummary() throws Exception {
        ScreeningIndex index = new ScreeningIndex(new NameMatcher(), Clock.systemUTC());
        index.replaceList(new WatchlistInfo("l", "l", "test", "none", 80), List.of(new PersonEntry("l", "E1",
                List.of("JOSEPH KONY"), null, null, null, null, null, null, null, EntryAction.REFUSE_ENTRY)), List.of());
        StringBuilder csv = new StringBuilder("id,name,dateOfBirth,nationality,sex,documentNumber\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i).append(',').append(i % 100 == 0 ? "KONY JOSEPH" : "ANNA ORDINARY").append(",,,,\n");
        }
        Path file = Files.createTempFile("batch", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Actor operator = Operator.actor("test");
            exit = new BatchRun(file.toString(), new PrintStream(err, true, StandardCharsets.UTF_8), true)
                    .run((in, source, sink) -> BatchScreening.inMemory(index).screen(in, source, 10, operator, sink));
        } finally {
            System.setOut(originalOut);
        }
        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(shown).contains("\rrows").contains("300/300").contains("100%");
        assertThat(shown).contains("300 rows screened: 3 with hits (3 hits), 0 could not be read");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(300);
    }
}

package org.ibex.store;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV for spreadsheets: RFC 4180 quoting that our own reader reads back, and no cell that runs as a formula. */
class CsvWriterTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tTAB")).isEqualTo("'\tTAB");
        assertThat(CsvWriter.cell("O'NEIL")).as("an apostrophe inside a name is left alone").isEqualTo("O'NEIL");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndReadBackAsWritten() throws Exception {
        List<Object> row = Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, 42, "Ωμέγα");
        String csv = new CsvWriter().row(List.of("h1", "h2", "h3", "h4", "h5", "h6")).row(row).toString();

        assertThat(csv).startsWith("h1,h2,h3,h4,h5,h6\r\n");
        try (CsvReader reader = new CsvReader(new StringReader(csv))) {
            reader.next();
            assertThat(reader.next()).containsExactly("a,b", "say \"hi\"", "two\nlines", "", "42", "Ωμέγα");
        }
    }
}

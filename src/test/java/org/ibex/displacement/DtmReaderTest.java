package org.ibex.displacement;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DTM files as they come, and as they should never be taken: every bad row named by line (or index) and field. */
class DtmReaderTest {
    private final DtmReader reader = new DtmReader(DtmLimits.STANDARD);

    private List<DtmRow> csv(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String text) {
        try {
            csv(text);
        } catch (DtmFileException e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted: " + text);
    }

    @Test
    void theSampleReadsWithItsCountryAdmin1AndAdmin2Rows() throws IOException {
        List<DtmRow> rows = reader.read(DtmFiles.file("dtm-api-idp-sample.csv"));

        assertThat(rows).hasSize(15);
        assertThat(rows.get(0).level()).isZero();
        assertThat(rows.get(0).pcode()).isEqualTo("ETH");
        assertThat(rows.get(0).displaced()).isEqualTo(1_696_145);
        assertThat(rows.get(5).pcode()).isEqualTo("SD08");
        assertThat(rows.get(5).name()).isEqualTo("Blue Nile");
        assertThat(rows.get(10).level()).isEqualTo(2);
        assertThat(rows.get(10).pcode()).isEqualTo("LB21");
        assertThat(rows.get(10).reportingDate()).hasToString("2023-10-15");
    }

    @Test
    void theSudanCsvAndJsonReadToTheSameRows() throws IOException {
        List<DtmRow> csv = reader.read(DtmFiles.file("dtm-api-idp-admin1-sdn.csv"));
        List<DtmRow> json = reader.read(DtmFiles.file("dtm-api-idp-admin1-sdn.json"));

        assertThat(csv).hasSize(1482);
        assertThat(json).isEqualTo(csv);
        assertThat(csv.stream().map(DtmRow::pcode).distinct()).hasSize(18);
        assertThat(csv.stream().map(DtmRow::operation).distinct()).hasSize(4);
    }

    @Test
    void badRowsAreNamedByLineAndFieldAndAllOfThemAreListed() {
        List<String> problems = problems(DtmFiles.HEADER + "\n"
                + DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1) + "\n"
                + DtmFiles.row("Op", "UT02", "Northern Hills", -5, "2026-01-31", 1) + "\n"
                + DtmFiles.row("Op", "UT03", "River Plain", 100, "2026-01-31", 1).replace(",100,", ",12abc,") + "\n"
                + DtmFiles.row("Op", "UT04", "Eastern Coast", 100, "2026-01-31", 1).replace("2026-01-31T", "2026-02-30T")
                + "\n" + DtmFiles.row("Op", "UT05", "Southern Valley", 100, "2026-01-31", 1).replace(",1,BA", ",x,BA")
                + "\n");

        assertThat(problems).contains(
                "line 3: field numPresentIdpInd: must not be negative (got '-5')",
                "line 4: field numPresentIdpInd: must be a whole number from 0 to 2000000000 (got '12abc')",
                "line 5: field reportingDate: must be a date yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss (got '2026-02-30T00:00:00')",
                "line 6: field roundNumber: must be a whole number from 0 to 100000 (got 'x')");
        assertThat(problems).noneMatch(p -> p.startsWith("line 2:"));
    }

    @Test
    void aWrongHeaderIsRefusedNamingTheColumns() {
        assertThat(problems("name,count\nx,1\n")).contains(
                "line 1: field name: is not a DTM column (expected " + String.join(",", DtmRowRules.KNOWN) + ")",
                "line 1: field numPresentIdpInd: the column is missing from the header");
        assertThat(problems(DtmFiles.HEADER.replace(",roundNumber", "") + "\n"))
                .contains("line 1: field roundNumber: the column is missing from the header");
        assertThat(problems(DtmFiles.HEADER + ",operation\n")).contains(
                "line 1: field operation: the column appears twice in the header");
        assertThat(problems("")).singleElement().asString().startsWith("line 1: field header: the file is empty");
    }

    @Test
    void aRowWithTooFewFieldsIsNamed() {
        assertThat(problems(DtmFiles.HEADER + "\n1,Op,Utopia,UTO\n"))
                .containsExactly("line 2: field row: has 4 fields where the header has 14");
    }

    @Test
    void pCodesMustMatchTheirAdminLevel() {
        String ok = DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1);
        assertThat(problems(DtmFiles.HEADER + "\n" + ok.replace(",UT01,,,", ",,,,") + "\n"))
                .contains("line 2: field admin1Pcode: admin1Name and admin1Pcode are given together or not at all");
        assertThat(problems(DtmFiles.HEADER + "\n" + ok.replace("Capital District,UT01,,,", ",,Town,UT0101,") + "\n"))
                .contains("line 2: field admin2Pcode: an admin2 area needs its admin1 area (admin1Pcode is empty)");
        assertThat(problems(DtmFiles.HEADER + "\n" + ok.replace(",UT01,,,", ",UT01,Town,SD0101,") + "\n"))
                .contains("line 2: field admin2Pcode: must start with the country prefix of admin1Pcode UT (got SD0101)");
        assertThat(problems(DtmFiles.HEADER + "\n" + ok.replace(",UT01,", ",UTO,") + "\n"))
                .contains("line 2: field admin1Pcode: an admin1 p-code cannot be the country's code UTO");
        assertThat(problems(DtmFiles.HEADER + "\n" + ok.replace(",UT01,", ",ut 01,") + "\n"))
                .anyMatch(p -> p.startsWith("line 2: field admin1Pcode: must be a p-code"));
        assertThat(problems(DtmFiles.HEADER + "\n" + ok + "\n"
                + DtmFiles.row("Op", "UT01", "Other Name", 100, "2026-02-28", 2) + "\n"))
                .containsExactly("line 3: field admin1Name: p-code UT01 is named 'Capital District' at line 2 but"
                        + " 'Other Name' here");
    }

    @Test
    void theSameKeyTwiceInOneFileIsRefused() {
        String row = DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1);
        assertThat(problems(DtmFiles.HEADER + "\n" + row + "\n" + row.replace(",100,", ",200,") + "\n"))
                .containsExactly("line 3: field roundNumber: a second figure for Op/UT01/2026-01-31/round 1 (first at"
                        + " line 2)");
    }

    @Test
    void markupAndControlCharactersInNamesAreRefusedAndJsonLookalikesAreKeptAsText() {
        String row = DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1);
        assertThat(problems(DtmFiles.HEADER + "\n" + row.replace("Capital District", "<script>alert(1)</script>")
                + "\n")).containsExactly("line 2: field admin1Name: must not contain control characters, < or > (at"
                + " character 1)");
        List<DtmRow> rows = csv(DtmFiles.HEADER + "\n" + row.replace("Capital District",
                "\"\"\"},{\"\"x\"\":1\"") + "\n");
        assertThat(rows.get(0).name()).isEqualTo("\"},{\"x\":1");
    }

    @Test
    void bomCrlfAndQuotedLineBreaksAreRead() {
        String row = DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1);
        List<DtmRow> rows = csv("\uFEFF" + DtmFiles.HEADER + "\r\n" + row.replace(",Op,", ",\"Op, \"\"flood\"\"\",")
                + "\r\n" + DtmFiles.row("Op", "UT02", "Northern Hills", 7, "2026-01-31", 1) + "\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).operation()).isEqualTo("Op, \"flood\"");
        // A quoted line break is read, refused in a name, and the next row's line counts it.
        assertThat(problems(DtmFiles.HEADER + "\r\n" + row.replace(",Op,", ",\"Op\r\nflood\",") + "\r\n"
                + DtmFiles.row("Op", "UT02", "Northern Hills", -1, "2026-01-31", 1) + "\r\n")).containsExactly(
                "line 2: field operation: must not contain control characters, < or > (at character 3)",
                "line 4: field numPresentIdpInd: must not be negative (got '-1')");
    }

    @Test
    void hugeFieldsAndFilesAndRowCountsAreRefusedBeforeTheyAreRead() {
        String row = DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1);
        assertThat(problems(DtmFiles.HEADER + "\n" + row.replace("Capital District", "x".repeat(100_000)) + "\n"))
                .singleElement().asString().contains("field row:").contains("longer than");
        assertThat(problems(DtmFiles.HEADER + "\n" + row.replace("Capital District", "x".repeat(300)) + "\n"))
                .containsExactly("line 2: field admin1Name: must be at most 200 characters (got 300)");
        DtmReader small = new DtmReader(new DtmLimits(1_000, 2));
        assertThatThrownBy(() -> small.read(new byte[1_001])).isInstanceOfSatisfying(DtmFileException.class,
                e -> assertThat(e.tooLarge()).isTrue());
        String three = DtmFiles.HEADER + "\n" + row + "\n" + row.replace("UT01", "UT02") + "\n"
                + row.replace("UT01", "UT03") + "\n";
        assertThatThrownBy(() -> new DtmReader(new DtmLimits(10_000, 2)).read(three.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DtmFileException.class, e -> {
                    assertThat(e.tooLarge()).isTrue();
                    assertThat(e.problems()).containsExactly("line 4: field file: more than 2 rows; split the file");
                });
    }

    @Test
    void jsonRowsAreNamedByTheirIndex() {
        String json = "{\"result\":[{\"operation\":\"Op\",\"admin0Name\":\"Utopia\",\"admin0Pcode\":\"UTO\","
                + "\"numPresentIdpInd\":5,\"reportingDate\":\"2026-01-31T00:00:00\",\"roundNumber\":1},"
                + "{\"operation\":\"Op\",\"admin0Name\":\"Utopia\",\"admin0Pcode\":\"UTO\",\"numPresentIdpInd\":-5,"
                + "\"reportingDate\":\"2026-02-28\",\"roundNumber\":{\"a\":1}}],\"statusCode\":200,\"isSuccess\":true}";
        assertThat(problems(json)).containsExactly("result[1]: field roundNumber: must be a string or a number",
                "result[1]: field numPresentIdpInd: must not be negative (got '-5')");
        assertThat(problems("{\"result\":[], \"isSuccess\": false}")).singleElement().asString()
                .contains("the DTM API answered a failure");
        assertThat(problems("{\"data\":[]}")).singleElement().asString().startsWith("result: field result: is missing");
        assertThat(problems("{\"result\":[{\"operation\":")).singleElement().asString().contains("not well-formed JSON");
        assertThat(problems("[1]")).containsExactly("[0]: field row: must be an object of DTM fields");
        assertThat(problems("[" + "[".repeat(100) + "]".repeat(100) + "]")).singleElement().asString()
                .contains("field");
    }

    @Test
    void notUtf8IsRefused() {
        assertThat(problems(new String(new byte[]{(byte) 0xC3, (byte) 0x28}, StandardCharsets.ISO_8859_1)))
                .isNotEmpty();
        assertThatThrownBy(() -> reader.read(new byte[]{'i', 'd', (byte) 0xff})).isInstanceOf(DtmFileException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void utopiaDemoRoundsRead() {
        List<DtmRow> rows = reader.read(UtopiaDtm.csv());
        assertThat(rows).hasSize(72);
        assertThat(rows.stream().map(DtmRow::pcode).distinct()).containsExactly("UT01", "UT02", "UT03", "UT04",
                "UT05", "UT06");
    }
}

package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch CSV as travellers' manifests come: from spreadsheets, with odd rows, and from people who mean harm. */
class BatchQueriesTest {
    private static final String HEADER = "id,name,dateOfBirth,nationality,sex,documentNumber\n";

    private static List<BatchQueries.Row> read(String csv) throws IOException {
        List<BatchQueries.Row> rows = new ArrayList<>();
        BatchQueries.read(new StringReader(csv), rows::add);
        return rows;
    }

    @Test
    void aRowCarriesEverythingKnownAndOnlyTheNameIsRequiredBesideTheId() throws IOException {
        List<BatchQueries.Row> rows = read(HEADER + "t1,JOSEPH KONY,1964-09-18,uga,m,b123 456\nt2,محمد حسن,,,,\n");
        assertThat(rows).hasSize(2).allMatch(BatchQueries.Row::ok);
        assertThat(rows.get(0).query()).isEqualTo(new ScreeningQuery("JOSEPH KONY", LocalDate.of(1964, 9, 18), "UGA",
                "M", "b123 456", null));
        assertThat(rows.get(1).query()).isEqualTo(ScreeningQuery.byName("محمد حسن"));
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void aSpreadsheetsByteOrderMarkAndQuotedHeaderAreNotPartOfTheColumnNames() throws IOException {
        List<BatchQueries.Row> rows = read("\uFEFF\"id\",\"name\",\"dateOfBirth\",\"nationality\",\"sex\","
                + "\"documentNumber\"\r\n\"a\",\"IVANOV, SERGEI\",\"\",\"\",\"\",\"\"\r\n");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.ok()).isTrue();
            assertThat(row.id()).isEqualTo("a");
            assertThat(row.query().name()).isEqualTo("IVANOV, SERGEI");
        });
    }

    @Test
    void columnsMayComeInAnyOrderAndOthersAreIgnored() throws IOException {
        List<BatchQueries.Row> rows = read("flight,documentNumber,sex,nationality,dateOfBirth,name,id\n"
                + "LH123,X1,F,FRA,1980-01-02,ANNE MARTIN,p7\n");
        assertThat(rows.get(0).query()).isEqualTo(new ScreeningQuery("ANNE MARTIN", LocalDate.of(1980, 1, 2), "FRA",
                "F", "X1", null));
        assertThat(rows.get(0).id()).isEqualTo("p7");
    }

    @Test
    void quotedFieldsKeepCommasAndLineBreaksAndTheNextRowKnowsItsLine() throws IOException {
        List<BatchQueries.Row> rows = read(HEADER + "1,\"AL-NOURI, AHMAD\",,,,\n2,\"ONE\nTWO\",,,,\n3,THREE,,,,\n");
        assertThat(rows).extracting(r -> r.query().name()).containsExactly("AL-NOURI, AHMAD", "ONE\nTWO", "THREE");
        assertThat(rows).extracting(BatchQueries.Row::line).containsExactly(2, 3, 5);
    }

    @Test
    void aBadRowIsReportedWithItsLineAndFieldAndTheOthersGoOn() throws IOException {
        List<BatchQueries.Row> rows = read(HEADER
                + "1,A B,1980-02-30,,,\n"
                + "2,A B,,Narnia,,\n"
                + "3,A B,,,Q,\n"
                + ",A B,,,,\n"
                + "5,,,,,\n"
                + "6,A B,1970,,,\n"
                + "7,SARAH CONNOR,,,,\n");
        assertThat(rows).extracting(BatchQueries.Row::error).containsExactly(
                "line 2: dateOfBirth '1980-02-30' must be a date yyyy-MM-dd",
                "line 3: nationality 'NARNIA' must be an ISO 3166-1 alpha-3 or ICAO code",
                "line 4: sex 'Q' must be M, F, X or empty",
                "line 5: id is required",
                "line 6: name is required",
                "line 7: dateOfBirth '1970' must be a date yyyy-MM-dd",
                null);
        assertThat(rows.get(1).id()).isEqualTo("2");
        assertThat(rows.get(6).ok()).isTrue();
    }

    @Test
    void aMissingColumnOrNoHeaderStopsTheFileNamingTheRule() {
        assertThatThrownBy(() -> read("id,name,dateOfBirth,nationality,sex\n1,A,,,\n"))
                .isInstanceOf(BatchQueries.BatchFileException.class)
                .hasMessage("line 1: the header lacks column documentNumber; it must be id,name,dateOfBirth,"
                        + "nationality,sex,documentNumber");
        assertThatThrownBy(() -> read("1,JOHN SMITH,1970-01-01,GBR,M,123\n"))
                .isInstanceOf(BatchQueries.BatchFileException.class).hasMessageContaining("lacks column id");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(BatchQueries.BatchFileException.class).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read("\n\n"))
                .isInstanceOf(BatchQueries.BatchFileException.class).hasMessageContaining("the file is empty");
    }

    @Test
    void brokenQuotingStopsTheFileAtTheLineItBeganOnceNamed() throws IOException {
        List<BatchQueries.Row> before = new ArrayList<>();
        assertThatThrownBy(() -> BatchQueries.read(new StringReader(HEADER + "1,A,,,,\n2,\"never closed,,,,\n3,B,,,,\n"),
                before::add))
                .isInstanceOf(BatchQueries.BatchFileException.class)
                .hasMessage("line 3: quoted field not closed before end of file");
        assertThat(before).extracting(BatchQueries.Row::id).containsExactly("1");
    }

    @Test
    void oversizedValuesAreRowErrorsNotWorkForTheMatcher() throws IOException {
        List<BatchQueries.Row> rows = read(HEADER + "1," + "A".repeat(301) + ",,,,\n" + "x".repeat(201) + ",A,,,,\n"
                + "3,A,,,," + "9".repeat(51) + "\n");
        assertThat(rows).extracting(BatchQueries.Row::error).containsExactly(
                "line 2: name is longer than 300 characters",
                "line 3: id is longer than 200 characters",
                "line 4: documentNumber is longer than 50 characters");
    }

    @Test
    void aFieldOfMegabytesIsRefusedAsTheFileRatherThanHeld() {
        String garbage = "Z".repeat(10 << 20);
        assertThatThrownBy(() -> read(HEADER + "1," + garbage + ",,,,\n"))
                .isInstanceOf(BatchQueries.BatchFileException.class)
                .hasMessageContaining("line 2: field longer than");
    }

    @Test
    void aManifestItemReadsUnderTheSameRulesNamingItsNumber() {
        assertThat(BatchQueries.item(4, Map.of("id", "x", "name", "ANNE", "nationality", "fra")).query())
                .isEqualTo(new ScreeningQuery("ANNE", null, "FRA", null, null, null));
        assertThat(BatchQueries.item(5, Map.of("id", "y", "name", "ANNE", "dateOfBirth", "yesterday")).error())
                .isEqualTo("item 5: dateOfBirth 'yesterday' must be a date yyyy-MM-dd");
    }
}

package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.watchlist.TestInputs.errorsOfRow;
import static org.ibex.watchlist.TestInputs.parse;
import static org.ibex.watchlist.TestInputs.parseText;
import static org.ibex.watchlist.TestInputs.person;

class WatchlistJsonTest {
    private final WatchlistJson json = new WatchlistJson();

    @Test
    void readsAnArrayOfEntriesWithTheCsvFieldNames() {
        ParsedEntries parsed = parse(json, "watchlist.json");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rowsRead()).isEqualTo(4);
        PersonEntry sidorov = person(parsed, "P-001");
        assertThat(sidorov.names()).containsExactly("Ivan Petrovich SIDOROV", "Иван Петрович Сидоров", "Ivan Sidorov");
        assertThat(sidorov.dateOfBirth()).hasToString("1971-03-14");
        assertThat(sidorov.nationality()).isEqualTo("RUS");
        assertThat(sidorov.sex()).isEqualTo("M");
        assertThat(sidorov.reason()).isEqualTo("Arrest warrant 2023/118");
        assertThat(sidorov.source()).isEqualTo("National police");
        assertThat(sidorov.validFrom()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(sidorov.validUntil()).isEqualTo(LocalDate.of(2028, 5, 1));
        assertThat(sidorov.action()).isEqualTo(EntryAction.DETAIN);
    }

    @Test
    void readsMinimalEntriesNumericIdsAndAliasesAsOneString() {
        ParsedEntries parsed = parse(json, "watchlist.json");

        PersonEntry wang = person(parsed, "P-002");
        assertThat(wang.names()).containsExactly("WANG Xiaoming", "王小明");
        assertThat(wang.dateOfBirth()).hasToString("1968..1972");
        assertThat(wang.nationality()).as("null is absent").isNull();
        assertThat(wang.action()).isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
        PersonEntry nouri = person(parsed, "3");
        assertThat(nouri.names()).containsExactly("أحمد خليل النوري", "Ahmad AL-NOURI", "Ahmed Al Nouri");
        assertThat(nouri.action()).isEqualTo(EntryAction.REFUSE_ENTRY);
        assertThat(parsed.documents()).singleElement().satisfies(d -> {
            assertThat(d.entryId()).isEqualTo("D-001");
            assertThat(d.documentNumber()).isEqualTo("C01X00T47");
            assertThat(d.issuingState()).isEqualTo("D");
            assertThat(d.documentType()).isEqualTo("P");
            assertThat(d.status()).isEqualTo(DocumentStatus.STOLEN);
            assertThat(d.reportedOn()).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(d.source()).isEqualTo("National police");
        });
    }

    @Test
    void readsSeveralValuesAsArraysOrAsOneStringAndDocumentsAsObjects() {
        ParsedEntries parsed = parseText(json, """
                [{"id": "P1", "name": "Joseph Kony", "dateOfBirth": ["1959", "1964-09-18"],
                  "nationality": ["UGA", "SSD"], "placeOfBirth": "Odek, Uganda",
                  "documents": [{"number": "A 123-456", "type": "Passport", "issuingCountry": "UGA",
                                 "note": "expired"}, {"number": "B7"}]},
                 {"id": "P2", "name": "Anna", "dateOfBirth": "1980;1981", "nationality": "RUS",
                  "documents": "C1:RUS:Passport"}]
                """);

        assertThat(parsed.errors()).isEmpty();
        PersonEntry kony = person(parsed, "P1");
        assertThat(kony.datesOfBirth()).hasToString("[1959, 1964-09-18]");
        assertThat(kony.nationalities()).containsExactly("UGA", "SSD");
        assertThat(kony.placeOfBirth()).isEqualTo("Odek, Uganda");
        assertThat(kony.documents()).containsExactly(new ListedDocument("A123456", "Passport", "UGA", "expired"),
                new ListedDocument("B7", null, null, null));
        PersonEntry anna = person(parsed, "P2");
        assertThat(anna.datesOfBirth()).hasToString("[1980, 1981]");
        assertThat(anna.documents()).containsExactly(new ListedDocument("C1", "Passport", "RUS", null));
    }

    @Test
    void refusesDocumentsThatAreNotObjectsOfKnownStringFields() {
        ParsedEntries parsed = parseText(json, """
                [{"id": "P1", "name": "A", "documents": [{"number": "A1", "colour": "red"}]},
                 {"id": "P2", "name": "B", "documents": [42]},
                 {"id": "P3", "name": "C", "documents": [{"type": "Passport"}]},
                 {"id": "P4", "name": "D", "nationality": ["UGA", 7]},
                 {"id": "P5", "name": "E", "dateOfBirth": ["1959;1960"]}]
                """);

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field).containsExactly(tuple(1, "documents"),
                tuple(2, "documents"), tuple(3, "documents.number"), tuple(4, "nationality"), tuple(5, "dateOfBirth"));
        assertThat(parsed.errors().get(0).message()).contains("'colour'");
    }

    @Test
    void refusesASingleObjectSayingToWrapItInAnArray() {
        ParsedEntries parsed = parse(json, "object-not-array.json");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.STRUCTURE);
            assertThat(e.message()).contains("must be a JSON array", "starts with an object", "wrap a single entry in [ ]");
        });
    }

    @Test
    void reportsEachBadEntryWithRowAndFieldAndKeepsTheGoodOnes() {
        ParsedEntries parsed = parse(json, "bad-rows.json");

        assertThat(parsed.rowsRead()).isEqualTo(8);
        assertThat(parsed.persons()).extracting(PersonEntry::entryId).containsExactly("J-1");
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule).containsExactly(
                tuple(2, "birthday", RowError.UNKNOWN_FIELD),
                tuple(3, "name", RowError.STRUCTURE),
                tuple(4, "aliases", RowError.STRUCTURE),
                tuple(5, "dateOfBirth", RowError.RANGE),
                tuple(6, "action", RowError.ACTION),
                tuple(7, "entry", RowError.STRUCTURE),
                tuple(8, "name", RowError.STRUCTURE));
        assertThat(errorsOfRow(parsed, 3).get(0).message()).isEqualTo("line 4: name must be a string, not an object");
        assertThat(errorsOfRow(parsed, 7).get(0).message()).contains("entry 7 is a string; each entry must be an object");
        assertThat(errorsOfRow(parsed, 8).get(0).message()).contains("name appears twice");
    }

    @Test
    void reportsATruncatedFileAsAFileLevelSyntaxErrorWithItsPlace() {
        ParsedEntries parsed = parse(json, "truncated.json");

        assertThat(parsed.persons()).extracting(PersonEntry::entryId).as("entries before the break are read")
                .containsExactly("T-1");
        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.SYNTAX);
            assertThat(e.message()).startsWith("line 3, column").contains("not valid JSON");
        });
    }

    @Test
    void refusesContentAfterTheArray() {
        ParsedEntries parsed = parseText(json, "[{\"id\":\"A\",\"name\":\"Anna\"}] [");

        assertThat(parsed.errors()).extracting(RowError::rule).containsExactly(RowError.SYNTAX);
        assertThat(parsed.errors().get(0).message()).contains("more after the closing ]");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "[{\"id\":\"A\",\"name\":\"José\"}]".getBytes(StandardCharsets.ISO_8859_1);
        ParsedEntries parsed = json.parse(new java.io.ByteArrayInputStream(latin1), "l", null);

        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.ENCODING));
        assertThat(parsed.errors().get(0).message()).contains("offset 22");
    }

    @Test
    void refusesDeepNesting() {
        ParsedEntries parsed = parseText(json, "[{\"id\":\"A\",\"name\":" + "[".repeat(50) + "]".repeat(50) + "}]");

        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).endsWith(tuple(0, RowError.STRUCTURE));
        assertThat(parsed.errors().get(parsed.errors().size() - 1).message()).contains("nesting depth");
    }
}

package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.watchlist.TestInputs.errorsOfRow;
import static org.ibex.watchlist.TestInputs.parse;
import static org.ibex.watchlist.TestInputs.parseText;
import static org.ibex.watchlist.TestInputs.person;

class WatchlistCsvTest {
    private final WatchlistCsv csv = new WatchlistCsv();

    @Test
    void readsPersonsWithEveryField() {
        ParsedEntries parsed = parse(csv, "watchlist.csv");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rowsRead()).isEqualTo(7);
        PersonEntry sidorov = person(parsed, "P-001");
        assertThat(sidorov.listId()).isEqualTo("test-list");
        assertThat(sidorov.names()).containsExactly("Ivan Petrovich SIDOROV", "Иван Петрович Сидоров", "Ivan Sidorov");
        assertThat(sidorov.dateOfBirth()).isEqualTo(new PartialDate(1971, 3, 14, null));
        assertThat(sidorov.nationality()).isEqualTo("RUS");
        assertThat(sidorov.sex()).isEqualTo("M");
        assertThat(sidorov.reason()).isEqualTo("Arrest warrant 2023/118");
        assertThat(sidorov.source()).isEqualTo("National police");
        assertThat(sidorov.validFrom()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(sidorov.validUntil()).isEqualTo(LocalDate.of(2028, 5, 1));
        assertThat(sidorov.action()).isEqualTo(EntryAction.DETAIN);
    }

    @Test
    void readsArabicAndChineseNamesPartialDatesAndLenientActions() {
        ParsedEntries parsed = parse(csv, "watchlist.csv");

        PersonEntry nouri = person(parsed, "P-002");
        assertThat(nouri.names()).as("aliases are stripped around the |")
                .containsExactly("Ahmad Khalil AL-NOURI", "أحمد خليل النوري", "Ahmed Al Nouri");
        assertThat(nouri.dateOfBirth()).hasToString("1968");
        assertThat(nouri.nationality()).as("upper-cased").isEqualTo("SYR");
        assertThat(nouri.validUntil()).isNull();
        assertThat(nouri.action()).isEqualTo(EntryAction.REFUSE_ENTRY);
        PersonEntry wang = person(parsed, "P-003");
        assertThat(wang.names()).containsExactly("WANG Xiaoming", "王小明");
        assertThat(wang.dateOfBirth()).hasToString("1985-11");
        assertThat(wang.sex()).isNull();
        assertThat(wang.reason()).isEqualTo("Fraud, \"inquiry\" pending");
        assertThat(wang.action()).isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
        PersonEntry garcia = person(parsed, "P-004");
        assertThat(garcia.reason()).as("a quoted field may span lines").isEqualTo("Missing person\n(reported by family)");
        assertThat(garcia.dateOfBirth()).hasToString("1990-02-14");
        assertThat(garcia.action()).isEqualTo(EntryAction.NOTIFY_AUTHORITY);
        PersonEntry diallo = person(parsed, "P-005");
        assertThat(diallo.dateOfBirth()).hasToString("1968..1972");
        assertThat(diallo.nationality()).as("ICAO code for stateless").isEqualTo("XXA");
        assertThat(diallo.action()).as("no action given").isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void readsSeveralBirthDatesNationalitiesAndDocumentsAndThePlaceOfBirth() {
        ParsedEntries parsed = parseText(csv, "id,name,dateOfBirth,nationality,placeOfBirth,documents\n"
                + "P1,Joseph Kony,1959;1964-09-18;1961..1963,UGA; ssd ,\"Odek, Gulu, Uganda\","
                + "\"A123456;B 765-432:UGA;C99:SSD:Passport;D11::National ID\"\n"
                + "P2,Anna Smirnova,1980,RUS,,\n");

        assertThat(parsed.errors()).isEmpty();
        PersonEntry kony = person(parsed, "P1");
        assertThat(kony.datesOfBirth()).hasToString("[1959, 1964-09-18, 1961..1963]");
        assertThat(kony.nationalities()).containsExactly("UGA", "SSD");
        assertThat(kony.placeOfBirth()).isEqualTo("Odek, Gulu, Uganda");
        assertThat(kony.documents()).containsExactly(new ListedDocument("A123456", null, null, null),
                new ListedDocument("B765432", null, "UGA", null), new ListedDocument("C99", "Passport", "SSD", null),
                new ListedDocument("D11", "National ID", null, null));
        PersonEntry anna = person(parsed, "P2");
        assertThat(anna.datesOfBirth()).as("one value reads as before").hasToString("[1980]");
        assertThat(anna.nationalities()).containsExactly("RUS");
        assertThat(anna.documents()).isEmpty();
    }

    @Test
    void refusesARowWithOneBadValueAmongSeveralNamingIt() {
        ParsedEntries parsed = parseText(csv, "id,name,dateOfBirth,nationality,documents\n"
                + "P1,A,1959;1964-13-01,UGA,\n"
                + "P2,B,1959,UGA;Uganda,\n"
                + "P3,C,,,A1:ZZZ\n"
                + "P4,D,,,A1:UGA:Passport:extra\n"
                + "P5,E,,,:UGA\n");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field).containsExactly(tuple(1, "dateOfBirth"),
                tuple(2, "nationality"), tuple(3, "documents.issuingCountry"), tuple(4, "documents"),
                tuple(5, "documents.number"));
        assertThat(parsed.errors().get(1).message()).contains("'Uganda'");
        assertThat(parsed.errors().get(3).message()).contains("NUMBER:COUNTRY:TYPE");
    }

    @Test
    void readsLostAndStolenDocuments() {
        ParsedEntries parsed = parse(csv, "watchlist.csv");

        assertThat(parsed.documents()).extracting(DocumentEntry::entryId, DocumentEntry::documentNumber,
                        DocumentEntry::issuingState, DocumentEntry::documentType, DocumentEntry::status,
                        DocumentEntry::reportedOn, DocumentEntry::source)
                .containsExactly(
                        tuple("D-001", "C01X00T47", "D", "P", DocumentStatus.STOLEN, LocalDate.of(2024, 2, 29), "National police"),
                        tuple("D-002", "AB123456", "FRA", "ID", DocumentStatus.LOST, LocalDate.of(2023, 12, 1), "Consulate"));
    }

    @Test
    void readsTheMinimalFormOfIdAndNameWithCrLfAndBlankLines() {
        ParsedEntries parsed = parse(csv, "minimal.csv");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rowsRead()).as("the blank line is not a row").isEqualTo(3);
        assertThat(parsed.persons()).extracting(PersonEntry::entryId, PersonEntry::primaryName, PersonEntry::action)
                .containsExactly(tuple("M-1", "John SMITH", EntryAction.REFER_TO_SECOND_LINE),
                        tuple("M-2", "Иван ИВАНОВ", EntryAction.REFER_TO_SECOND_LINE),
                        tuple("M-3", "محمد علي", EntryAction.REFER_TO_SECOND_LINE));
    }

    @Test
    void refusesUnknownAndDuplicateColumnsNamingThem() {
        ParsedEntries parsed = parse(csv, "wrong-columns.csv");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.rowsRead()).isZero();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(0, "birthday", RowError.UNKNOWN_COLUMN), tuple(0, "name", RowError.DUPLICATE_COLUMN));
        assertThat(parsed.errors().get(0).message()).contains("'birthday'", "dateOfBirth");
    }

    @Test
    void refusesAHeaderWithoutTheNameColumn() {
        ParsedEntries parsed = parse(csv, "missing-name-column.csv");

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.MISSING_COLUMN);
            assertThat(e.message()).startsWith("column name is missing");
        });
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(parseText(csv, "").errors()).extracting(RowError::rule).containsExactly(RowError.MISSING_COLUMN);
    }

    @Test
    void reportsEachBadFieldWithRowAndFieldAndKeepsTheGoodRows() {
        ParsedEntries parsed = parse(csv, "bad-rows.csv");

        assertThat(parsed.rowsRead()).isEqualTo(10);
        assertThat(parsed.persons()).extracting(PersonEntry::entryId).containsExactly("B-1");
        assertThat(parsed.complete()).as("row errors do not stop the file").isTrue();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule).containsExactly(
                tuple(2, "dateOfBirth", RowError.RANGE),
                tuple(3, "action", RowError.ACTION),
                tuple(4, "nationality", RowError.CODE),
                tuple(4, "sex", RowError.CODE),
                tuple(5, "validUntil", RowError.RANGE),
                tuple(6, "type", RowError.TYPE),
                tuple(7, "status", RowError.REQUIRED),
                tuple(8, "row", RowError.FIELD_COUNT),
                tuple(9, "id", RowError.REQUIRED),
                tuple(9, "name", RowError.REQUIRED),
                tuple(10, "dateOfBirth", RowError.DATE_FORMAT),
                tuple(10, "validFrom", RowError.DATE_FORMAT));
    }

    @Test
    void errorMessagesQuoteTheValueAndTheLine() {
        ParsedEntries parsed = parse(csv, "bad-rows.csv");

        assertThat(errorsOfRow(parsed, 2).get(0).message())
                .isEqualTo("line 3: dateOfBirth '31.02.1970': day 31 is outside 1..28");
        assertThat(errorsOfRow(parsed, 3).get(0).message()).startsWith("line 4: action 'arrest' is not one of");
        assertThat(errorsOfRow(parsed, 8).get(0).message()).isEqualTo("line 9: the row has 3 fields; the header has 14");
        assertThat(errorsOfRow(parsed, 10).get(1).message())
                .isEqualTo("line 11: validFrom '2024-5-1' is not a date in the form yyyy-MM-dd");
    }

    @Test
    void namesTheColumnOfAnAliasOverTheNameLimit() {
        ParsedEntries parsed = parseText(csv, "id,name,aliases\nX-1,Anna,Ann|" + "A".repeat(301) + "\n");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(1, "aliases", RowError.TOO_LONG));
        assertThat(parsed.errors().get(0).message()).isEqualTo("line 2: names[2] is 301 characters long; the limit is 300");
    }

    @Test
    void refusesBytesThatAreNotUtf8WithTheirOffset() {
        ParsedEntries parsed = parse(csv, "latin1.csv");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.ENCODING);
            assertThat(e.message()).contains("offset 15", "not UTF-8", "save the file as UTF-8");
        });
    }

    @Test
    void ignoresAByteOrderMark() {
        ParsedEntries parsed = parseText(csv, "\uFEFFid,name\nX-1,Anna\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.persons()).extracting(PersonEntry::primaryName).containsExactly("Anna");
    }

    @Test
    void reportsAQuoteLeftOpenAsAFileLevelSyntaxError() {
        ParsedEntries parsed = parseText(csv, "id,name\nX-1,\"Anna\nX-2,Boris\n");

        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.SYNTAX));
        assertThat(parsed.errors().get(0).message()).contains("line 2", "not closed");
    }

    @Test
    void reportsProgressInRowsRead() {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 2500; i++) {
            text.append("X-").append(i).append(",Name ").append(i).append('\n');
        }
        List<Integer> reported = new ArrayList<>();
        new WatchlistCsv().parse(new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "l", reported::add);

        assertThat(reported).containsExactly(1000, 2000, 2500);
    }
}

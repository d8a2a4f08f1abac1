package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.watchlist.TestInputs.parse;
import static org.ibex.watchlist.TestInputs.parseText;
import static org.ibex.watchlist.TestInputs.person;

class OpenSanctionsSimpleCsvTest {
    private final OpenSanctionsSimpleCsv openSanctions = new OpenSanctionsSimpleCsv();

    @Test
    void readsPersonRowsToReferToTheSecondLine() {
        ParsedEntries parsed = parse(openSanctions, "opensanctions-targets.simple.csv");

        PersonEntry sidorov = person(parsed, "NK-2xQ7kLpRmT");
        assertThat(sidorov.listId()).isEqualTo("test-list");
        assertThat(sidorov.names()).containsExactly("Ivan Petrovich Sidorov", "Иван Петрович Сидоров", "Sidorov Ivan Petrovich");
        assertThat(sidorov.datesOfBirth()).as("every birth date").hasToString("[1971-03-14, 1971]");
        assertThat(sidorov.nationalities()).as("every country").containsExactly("RUS", "UKR");
        assertThat(sidorov.documents()).as("the identifiers, of a kind the format does not say")
                .containsExactly(new ListedDocument("7701234567", "identifier", null, null));
        assertThat(sidorov.sex()).isNull();
        assertThat(sidorov.reason()).isEqualTo("EU 2022/265 - Ukraine territorial integrity;UK - Russia regime");
        assertThat(sidorov.source())
                .isEqualTo("OpenSanctions EU Financial Sanctions Files (FSF);UK HMT/OFSI Consolidated List of Targets");
        assertThat(sidorov.validFrom()).as("first_seen is not a legal date").isNull();
        assertThat(sidorov.validUntil()).isNull();
        assertThat(sidorov.action()).isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void readsChineseAndArabicAliasesAndPartialDates() {
        ParsedEntries parsed = parse(openSanctions, "opensanctions-targets.simple.csv");

        PersonEntry li = person(parsed, "Q1234567");
        assertThat(li.names()).containsExactly("Li Wei", "李伟", "Lee Wai");
        assertThat(li.dateOfBirth()).hasToString("1975-06");
        assertThat(li.nationality()).isEqualTo("CHN");
        PersonEntry sayed = person(parsed, "NK-9mNbVcXzAs");
        assertThat(sayed.names()).containsExactly("Mohammed Abdullah AL-SAYED", "محمد عبد الله السيد");
        assertThat(sayed.nationality()).isEqualTo("YEM");
        PersonEntry smirnova = person(parsed, "NK-noCountry1");
        assertThat(smirnova.names()).containsExactly("Anna Smirnova");
        assertThat(smirnova.nationality()).isNull();
        assertThat(smirnova.reason()).isNull();
    }

    @Test
    void countsAndSkipsCompaniesAndVessels() {
        ParsedEntries parsed = parse(openSanctions, "opensanctions-targets.simple.csv");

        assertThat(parsed.rowsRead()).isEqualTo(7);
        assertThat(parsed.rowsSkipped()).isEqualTo(2);
        assertThat(parsed.persons()).hasSize(5);
    }

    @Test
    void truncatesTheReasonToFiveHundredCharacters() {
        ParsedEntries parsed = parse(openSanctions, "opensanctions-targets.simple.csv");

        String reason = person(parsed, "NK-9mNbVcXzAs").reason();
        assertThat(reason).hasSize(500).startsWith("UNSC resolution 2200 (2015)").endsWith("…");
    }

    @Test
    void warnsAboutCodesAndDatesItCannotReadButKeepsTheEntry() {
        ParsedEntries parsed = parse(openSanctions, "opensanctions-targets.simple.csv");

        assertThat(person(parsed, "NK-5sD9fGhJkL").nationalities()).as("suhh is skipped, ru taken")
                .containsExactly("RUS");
        assertThat(person(parsed, "NK-9mNbVcXzAs").dateOfBirth()).isNull();
        assertThat(parsed.errors()).allMatch(RowError::isWarning);
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule).containsExactly(
                tuple(5, "countries", RowError.COUNTRY_CODE),
                tuple(6, "birth_date", RowError.DATE_FORMAT));
        assertThat(parsed.errors().get(0).message()).isEqualTo("line 6: country code 'suhh' is not an ISO 3166-1"
                + " alpha-2 code we know; it is not kept as a nationality");
    }

    @Test
    void readsQuotedHeadersRecordsAcrossLinesEveryCountryAndAGenderColumn() {
        ParsedEntries parsed = parseText(openSanctions, """
                "id","schema","name","aliases","birth_date","countries","identifiers","gender"
                "NK-1","Person","Ivan
                Sidorov","","1971-03-14;1971-03-15","ru;xk;su;ua","7701234567;A 12-34","male"
                "NK-2","Person","Anna","","","","","unknown"
                """);

        PersonEntry ivan = person(parsed, "NK-1");
        assertThat(ivan.primaryName()).as("a line break in a name is a space").isEqualTo("Ivan Sidorov");
        assertThat(ivan.datesOfBirth()).hasToString("[1971-03-14, 1971-03-15]");
        assertThat(ivan.nationalities()).as("xk is Kosovo, su no country today").containsExactly("RUS", "RKS", "UKR");
        assertThat(ivan.documents()).extracting(ListedDocument::number).containsExactly("7701234567", "A1234");
        assertThat(ivan.sex()).isEqualTo("M");
        assertThat(person(parsed, "NK-2").sex()).isNull();
        assertThat(parsed.errors()).allMatch(RowError::isWarning).extracting(RowError::row, RowError::field)
                .containsExactly(tuple(1, "countries"), tuple(2, "gender"));
        assertThat(parsed.errors().get(0).message()).contains("'su'");
    }

    @Test
    void keepsAPersonWithMoreValuesThanAnEntryHoldsWithAWarning() {
        String identifiers = String.join(";", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "N" + i).toList());
        ParsedEntries parsed = parseText(openSanctions, "id,schema,name,identifiers\nNK-1,Person,Anna,\"" + identifiers
                + "\"\n");

        assertThat(person(parsed, "NK-1").documents()).hasSize(PersonEntry.MAX_VALUES);
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.isWarning()).isTrue();
            assertThat(e.field()).isEqualTo("identifiers");
            assertThat(e.message()).contains("60 values", "first 50");
        });
    }

    @Test
    void refusesAFileWithoutTheSchemaColumn() {
        ParsedEntries parsed = parse(openSanctions, "opensanctions-missing-schema.csv");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(0, "schema", RowError.MISSING_COLUMN));
    }

    @Test
    void allowsColumnsItDoesNotUse() {
        ParsedEntries parsed = parseText(openSanctions, "id,schema,name,program_ids\nX,Person,Anna,EU-UKR\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.persons()).extracting(PersonEntry::primaryName).containsExactly("Anna");
    }

    @Test
    void reportsARowWithTheWrongNumberOfFields() {
        ParsedEntries parsed = parseText(openSanctions, "id,schema,name\nX,Person\n");

        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(1, "row", RowError.FIELD_COUNT));
    }
}

package org.ibex.watchlist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.watchlist.TestInputs.parseFile;
import static org.ibex.watchlist.TestInputs.person;
import static org.ibex.watchlist.TestInputs.sharedList;

/** Each import defect issue 15 found on the real UN list of 2018-10-29, on the persons it was found with. */
class RealListDefectsTest {
    private static ParsedEntries un;

    @BeforeAll
    static void importTheRealList() {
        un = parseFile(new UnConsolidatedListXml(), sharedList("un_consolidated_2018-10-29.xml"));
    }

    @Test
    void josephKonyKeepsTheTenBirthDatesTheListGives() {
        PersonEntry kony = person(un, "CFi.009");
        assertThat(kony.primaryName()).isEqualTo("JOSEPH KONY");
        assertThat(kony.datesOfBirth()).extracting(PartialDate::toString).containsExactly("1959", "1960", "1961",
                "1963", "1964-09-18", "1965", "1961-08", "1961-07", "1961-01-01", "1963-04");
    }

    @Test
    void keepsTheUnDocumentNumbers() {
        assertThat(un.persons().stream().mapToInt(p -> p.documents().size()).sum()).isGreaterThanOrEqualTo(408);
        assertThat(person(un, "KPi.033").documents()).containsExactly(
                new ListedDocument("381310014", "Passport", null, null));
        assertThat(person(un, "QDi.410").documents()).as("issued by Trinidad and Tobago")
                .anyMatch(d -> d.number().equals("T1071839") && "TTO".equals(d.issuingCountry()));
    }

    @Test
    void keepsBothNationalitiesOfAPersonListedWithTwo() {
        assertThat(person(un, "CFi.001").nationalities()).containsExactly("CAF", "SSD");
    }

    @Test
    void readsTheNameTheUnWritesForBosniaAndHerzegovina() {
        assertThat(person(un, "QDi.374").nationalities()).containsExactly("BIH");
        assertThat(person(un, "QDi.410").nationalities()).containsExactly("TTO");
    }

    @Test
    void readsADateWithATimeZoneSuffixAsItsDay() {
        assertThat(person(un, "SSi.004").datesOfBirth()).as("1962-11-09-05:00").hasToString("[1962-11-09]");
        assertThat(person(un, "SSi.005").datesOfBirth()).as("1960-01-01-05:00").hasToString("[1960-01-01]");
        assertThat(un.errors()).noneMatch(e -> e.message().contains("-05:00") || e.message().contains("-04:00"));
    }

    @Test
    void readsBirthDatesGivenOnlyInANote() {
        assertThat(person(un, "CDi.004").datesOfBirth()).as("NOTE Nov. 1973").hasToString("[1973-11]");
        assertThat(person(un, "QDi.306").datesOfBirth()).as("NOTE Between Aug. and Sep. 1977").contains(
                new PartialDate(1977, null, null, null));
        assertThat(person(un, "LYi.026").datesOfBirth()).as("NOTE 29 years old, listed 2018-06-07")
                .hasToString("[1988..1989]");
    }

    @Test
    void storesNoNameWithALineBreakOrARunOfSpaces() {
        assertThat(person(un, "QDi.415").names()).contains("Lahbib Idrissi ould Sidi Abdi ould Said ould El Bachir");
        assertThat(un.persons()).flatExtracting(PersonEntry::names).noneMatch(n -> n.contains("\n") || n.contains("  ")
                || !n.equals(n.strip()));
    }
}

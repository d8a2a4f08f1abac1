package org.ibex.watchlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.watchlist.TestInputs.parse;
import static org.ibex.watchlist.TestInputs.parseText;
import static org.ibex.watchlist.TestInputs.person;

class UnConsolidatedListXmlTest {
    private final UnConsolidatedListXml un = new UnConsolidatedListXml();

    @Test
    void readsIndividualsAsPersonsToRefuseEntry() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        PersonEntry nouri = person(parsed, "QDi.901");
        assertThat(nouri.listId()).isEqualTo("test-list");
        assertThat(nouri.names()).as("FIRST to FOURTH_NAME, then the original script, then the aliases")
                .containsExactly("AHMAD KHALIL ABDULLAH AL-NOURI", "أحمد خليل عبد الله النوري", "Abu Khalil al-Shami",
                        "Ahmed al-Nuri");
        assertThat(nouri.dateOfBirth()).isEqualTo(new PartialDate(1968, 4, 12, null));
        assertThat(nouri.nationality()).isEqualTo("SYR");
        assertThat(nouri.sex()).isEqualTo("M");
        assertThat(nouri.reason()).isEqualTo("Al-Qaida QDi.901");
        assertThat(nouri.source()).isEqualTo("UNSC Consolidated List");
        assertThat(nouri.validFrom()).isEqualTo(LocalDate.of(2014, 9, 23));
        assertThat(nouri.validUntil()).isNull();
        assertThat(nouri.action()).isEqualTo(EntryAction.REFUSE_ENTRY);
    }

    @Test
    void countsEntitiesAndSkipsThem() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        assertThat(parsed.rowsRead()).isEqualTo(8);
        assertThat(parsed.rowsSkipped()).isEqualTo(2);
        assertThat(parsed.persons()).hasSize(6);
        assertThat(parsed.persons()).extracting(PersonEntry::primaryName).doesNotContain("AL-NOURI TRADING COMPANY");
    }

    @Test
    void keepsTheListedPersonsOwnPassportsWithThePersonNotAsLostDocuments() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        assertThat(parsed.documents()).as("INDIVIDUAL_DOCUMENT is not a lost or stolen document").isEmpty();
        assertThat(person(parsed, "QDi.901").documents()).containsExactly(
                new ListedDocument("N0123456", "Passport", "SYR", null));
        assertThat(person(parsed, "KPi.903").documents()).as("COUNTRY_OF_ISSUE where ISSUING_COUNTRY is absent")
                .containsExactly(new ListedDocument("654321987", "Diplomatic passport", "PRK", null));
        assertThat(person(parsed, "QDi.901").placeOfBirth()).isEqualTo("Deir ez-Zor, Syrian Arab Republic");
    }

    @Test
    void keepsEveryDateOfBirthApproximateYearsAndRanges() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        assertThat(person(parsed, "TAi.902").datesOfBirth()).as("APPROXIMATELY 1968, then BETWEEN 1967 and 1970")
                .hasToString("[1968, 1967..1970]");
        assertThat(person(parsed, "TAi.902").dateOfBirth()).as("the first stays the one shown").hasToString("1968");
        assertThat(person(parsed, "KPi.903").datesOfBirth()).hasToString("[1958..1962]");
        assertThat(person(parsed, "CDi.905").datesOfBirth()).as("an empty INDIVIDUAL_DATE_OF_BIRTH").isEmpty();
    }

    @Test
    void mapsUnCountryNamesToAlpha3() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        assertThat(person(parsed, "TAi.902").nationalities()).containsExactly("AFG");
        assertThat(person(parsed, "KPi.903").nationalities()).containsExactly("PRK");
        assertThat(person(parsed, "KPi.903").names()).containsExactly("RI CHOL HO", "리철호");
        assertThat(person(parsed, "CDi.905").nationalities()).as("every name a table knows").containsExactly("COD");
    }

    @Test
    void readsTheQuirksOfRealExportsZonesNotesProseNumbersAndLineBreaks() {
        ParsedEntries parsed = parseText(un, """
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>
                  <FIRST_NAME>SANTINO</FIRST_NAME><SECOND_NAME>DENG
                                  WOL</SECOND_NAME><REFERENCE_NUMBER>SSi.004</REFERENCE_NUMBER>
                  <LISTED_ON>2015-07-01-04:00</LISTED_ON>
                  <NATIONALITY><VALUE>Sudan/or South Sudan</VALUE><VALUE>Saint Lucia</VALUE></NATIONALITY>
                  <INDIVIDUAL_ALIAS><ALIAS_NAME>Qasim Soleimani; Qasem
                        Sulaimani</ALIAS_NAME></INDIVIDUAL_ALIAS>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1962-11-09-05:00</DATE>
                  </INDIVIDUAL_DATE_OF_BIRTH>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1963</NOTE>
                  </INDIVIDUAL_DATE_OF_BIRTH>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>from a false passport</NOTE>
                  </INDIVIDUAL_DATE_OF_BIRTH>
                  <INDIVIDUAL_PLACE_OF_BIRTH><CITY>Aweil</CITY><NOTE>possibly</NOTE></INDIVIDUAL_PLACE_OF_BIRTH>
                  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>
                    <NUMBER>Libyan Passport No. 96/184442</NUMBER></INDIVIDUAL_DOCUMENT>
                  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>
                    <NOTE>Tunisian passport number L 191609 issued on 28 Feb. 1996</NOTE></INDIVIDUAL_DOCUMENT>
                  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT>
                    <NOTE>issued in 1974</NOTE></INDIVIDUAL_DOCUMENT>
                </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """);

        PersonEntry santino = person(parsed, "SSi.004");
        assertThat(santino.names()).containsExactly("SANTINO DENG WOL", "Qasim Soleimani", "Qasem Sulaimani");
        assertThat(santino.validFrom()).isEqualTo(LocalDate.of(2015, 7, 1));
        assertThat(santino.datesOfBirth()).hasToString("[1962-11-09, 1963-11]");
        assertThat(santino.nationalities()).containsExactly("SDN", "SSD", "LCA");
        assertThat(santino.placeOfBirth()).isEqualTo("Aweil (possibly)");
        assertThat(santino.documents()).containsExactly(
                new ListedDocument("96184442", "Passport", "LBY", "Libyan Passport No. 96/184442"),
                new ListedDocument("L191609", "Passport", "TUN", "Tunisian passport number L 191609 issued on 28 Feb."
                        + " 1996"));
        assertThat(parsed.errors()).allMatch(RowError::isWarning).extracting(RowError::field, RowError::rule)
                .containsExactly(tuple("INDIVIDUAL_DATE_OF_BIRTH", RowError.DATE_FORMAT),
                        tuple("NATIONALITY", RowError.COUNTRY_NAME), tuple("INDIVIDUAL_DOCUMENT", RowError.REQUIRED));
        assertThat(parsed.errors().get(0).message()).contains("'from a false passport'", "not kept");
        assertThat(parsed.errors().get(1).message()).contains("'Sudan/or South Sudan'", "read as SDN, SSD");
    }

    @Test
    void fallsBackToDataIdWithoutAReferenceNumber() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        PersonEntry dulaimi = person(parsed, "6908004");
        assertThat(dulaimi.names()).containsExactly("SAMIR JABBAR AL-DULAIMI");
        assertThat(dulaimi.reason()).isEqualTo("Iraq");
        assertThat(dulaimi.nationality()).isEqualTo("IRQ");
        assertThat(dulaimi.dateOfBirth()).hasToString("1955-07-01");
        assertThat(dulaimi.sex()).isNull();
    }

    @Test
    void keepsEntriesWithUnknownCountriesOrBadDatesWithWarningsNamingRowAndElement() {
        ParsedEntries parsed = parse(un, "un-consolidated.xml");

        PersonEntry warsame = person(parsed, "SOi.906");
        assertThat(warsame.nationality()).isNull();
        assertThat(warsame.dateOfBirth()).isNull();
        assertThat(warsame.validFrom()).isNull();
        assertThat(warsame.sex()).isEqualTo("F");
        assertThat(parsed.errors()).allMatch(RowError::isWarning);
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule).containsExactly(
                tuple(5, "NATIONALITY", RowError.COUNTRY_NAME),
                tuple(6, "LISTED_ON", RowError.DATE_FORMAT),
                tuple(6, "INDIVIDUAL_DATE_OF_BIRTH", RowError.DATE_FORMAT),
                tuple(6, "NATIONALITY", RowError.COUNTRY_NAME));
        assertThat(parsed.errors().get(0).message()).contains("'Republic of Atlantis'", "not kept");
        assertThat(parsed.errors().get(1).message()).contains("LISTED_ON '2010-13-45'", "left empty");
    }

    @Test
    void reportsAnUnclosedTagAsAFileLevelSyntaxErrorWithItsLine() {
        ParsedEntries parsed = parse(un, "un-unclosed-tag.xml");

        assertThat(parsed.persons()).extracting(PersonEntry::entryId).containsExactly("QDi.001");
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.SYNTAX);
            assertThat(e.message()).startsWith("line 13").contains("not well-formed XML", "FIRST_NAME");
        });
    }

    @Test
    void reportsATruncatedFileAsAFileLevelSyntaxError() {
        ParsedEntries parsed = parse(un, "un-truncated.xml");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.SYNTAX));
    }

    @Test
    void refusesAnotherRootElement() {
        ParsedEntries parsed = parseText(un, "<?xml version=\"1.0\"?><sanctionsList><person/></sanctionsList>");

        assertThat(parsed.errors()).extracting(RowError::rule).containsExactly(RowError.STRUCTURE);
        assertThat(parsed.errors().get(0).message()).contains("root element is sanctionsList", "CONSOLIDATED_LIST");
    }

    @Test
    void neverExpandsAnExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&xxe;</FIRST_NAME>"
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";

        ParsedEntries parsed = parseText(un, xxe);

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.STRUCTURE));
        assertThat(parsed.errors().get(0).message()).contains("DOCTYPE");
        assertThat(parsed.toString()).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void refusesEntityExpansionBombsAtTheDoctype() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&a9;</FIRST_NAME></INDIVIDUAL>"
                + "</INDIVIDUALS></CONSOLIDATED_LIST>");

        ParsedEntries parsed = parseText(un, bomb.toString());

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.STRUCTURE));
    }

    @Test
    void neverExpandsAnEntityReferencedWithoutADoctype() {
        ParsedEntries parsed = parseText(un, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
                + "<FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.SYNTAX));
        assertThat(parsed.errors().get(0).message()).contains("xxe");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>José</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedEntries parsed = un.parse(new java.io.ByteArrayInputStream(latin1), "l", null);

        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(tuple(0, RowError.ENCODING));
    }

    @Test
    void dropsAnIndividualWithoutAnyNameNamingTheElement() {
        ParsedEntries parsed = parseText(un, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID>"
                + "<REFERENCE_NUMBER>QDi.007</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(1, "FIRST_NAME", RowError.REQUIRED));
    }
}

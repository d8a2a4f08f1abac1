package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.document.TestMrz.at;
import static org.ibex.document.TestMrz.parse;
import static org.ibex.document.TestMrz.sealTd3;
import static org.ibex.document.TestMrz.set;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Field rules other than check digits: sex, country codes, document code, names and dates. */
class MrzFieldRulesTest {

    @Test
    void readsFillerSexAsUnspecifiedX() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 21, "<"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.sex()).isEqualTo("X");
    }

    @Test
    void rejectsASexOtherThanMaleFemaleOrFillerButReportsIt() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 21, "Q"));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("sex", "sex", at(2, 21)));
        assertThat(r.sex()).isEqualTo("Q");
    }

    @Test
    void rejectsAnUnknownIssuingStateButReportsIt() {
        MrzReading r = parse(set(TestMrz.TD3_1, 3, "ZZZ"), TestMrz.TD3_2);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("issuingState", "country-code", new MrzPosition(1, 3, 3)));
        assertThat(r.issuingState()).isEqualTo("ZZZ");
        assertThat(r.errors().get(0).message()).contains("'ZZZ'");
    }

    @Test
    void rejectsAnUnknownNationalityButReportsIt() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 11, "QQQ"));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("nationality", "country-code", new MrzPosition(2, 11, 3)));
        assertThat(r.nationality()).isEqualTo("QQQ");
    }

    @Test
    void normalisesGermanysPaddedOneLetterCode() {
        MrzReading r = parse(set(TestMrz.TD3_1, 3, "D<<"), TestMrz.TD3_2);

        assertThat(r.errors()).isEmpty();
        assertThat(r.issuingState()).isEqualTo("D");
    }

    @Test
    void rejectsADocumentCodeThatDoesNotStartWithALetter() {
        MrzReading r = parse(set(TestMrz.TD3_1, 1, "<"), TestMrz.TD3_2);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentCode", "format", at(1, 1)));
    }

    @Test
    void acceptsStateChosenSecondLettersOfTheDocumentCode() {
        MrzReading r = parse(set(TestMrz.TD3_1, 1, "PO"), TestMrz.TD3_2);

        assertThat(r.errors()).isEmpty();
        assertThat(r.documentCode()).isEqualTo("PO");
    }

    @Test
    void readsAVisaCodeOnThirtySixCharacterLinesAsMrvBAndOtherwiseAsTd2() {
        assertThat(parse(TestMrz.MRVB_1, TestMrz.MRVB_2).format()).isEqualTo(MrzFormat.MRVB);
        assertThat(parse(set(TestMrz.MRVB_1, 1, "I"), TestMrz.MRVB_2).format()).isEqualTo(MrzFormat.TD2);
        assertThat(parse(set(TestMrz.TD3_1, 1, "V"), TestMrz.TD3_2).format()).isEqualTo(MrzFormat.MRVA);
    }

    @Test
    void readsANameWithoutGivenNamesAsSurnameOnly() {
        MrzReading r = parse("P<UTOERIKSSON<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", TestMrz.TD3_2);

        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.givenNames()).isEmpty();
    }

    @Test
    void readsFillersInsideNamePartsAsSpaces() {
        MrzReading r = parse("P<UTOVAN<DER<BERG<<ANNA<MARIA<LOUISE<<<<<<<<", TestMrz.TD3_2);

        assertThat(r.surname()).isEqualTo("VAN DER BERG");
        assertThat(r.givenNames()).isEqualTo("ANNA MARIA LOUISE");
    }

    @Test
    void acceptsANameThatFillsTheWholeFieldAsPossiblyTruncated() {
        MrzReading r = parse("P<UTOWOLFESCHLEGELSTEINHAUSEN<<HUBERTBLAINE", TestMrz.TD3_2);

        assertThat(r.errors()).isEmpty();
        assertThat(r.surname()).isEqualTo("WOLFESCHLEGELSTEINHAUSEN");
        assertThat(r.givenNames()).isEqualTo("HUBERTBLAINE");
    }

    @Test
    void putsBirthDatesInThePastCentury() {
        assertThat(birth("261124")).as("today is a possible birth date").isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(birth("261125")).as("tomorrow is not").isEqualTo(LocalDate.of(1926, 11, 25));
        assertThat(birth("000229")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(birth("991231")).isEqualTo(LocalDate.of(1999, 12, 31));
    }

    @Test
    void putsExpiryDatesUpToTwentyYearsAhead() {
        assertThat(expiry("461124")).isEqualTo(LocalDate.of(2046, 11, 24));
        assertThat(expiry("461125")).isEqualTo(LocalDate.of(1946, 11, 25));
        assertThat(expiry("120415")).isEqualTo(LocalDate.of(2012, 4, 15));
    }

    @Test
    void rejectsAnExpiryMonthThirteenAndReportsTheDateAsUnreadable() {
        MrzReading r = parse(TestMrz.TD3_1, sealTd3(set(TestMrz.TD3_2, 22, "121315")));

        assertThat(r.dateOfExpiry()).isNull();
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfExpiry", "date", new MrzPosition(2, 22, 6)));
    }

    @Test
    void rejectsTheThirtiethOfFebruary() {
        MrzReading r = parse(TestMrz.TD3_1, sealTd3(set(TestMrz.TD3_2, 14, "740230")));

        assertThat(r.dateOfBirth()).isNull();
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule).containsExactly(tuple("dateOfBirth", "date"));
    }

    @Test
    void rejectsADateWithALetterNoDigitLooksLike() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 22, "12X415"));

        assertThat(r.dateOfExpiry()).isNull();
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule)
                .contains(tuple("dateOfExpiry", "date"));
    }

    @Test
    void acceptsABirthDateWhosePartsAreUnknownAsFillers() {
        MrzReading r = parse(TestMrz.TD3_1, sealTd3(set(TestMrz.TD3_2, 14, "74<<<<")));

        assertThat(r.errors()).as("Doc 9303 prints unknown parts of a birth date as fillers").isEmpty();
        assertThat(r.dateOfBirth()).isNull();
    }

    private static LocalDate birth(String yymmdd) {
        MrzReading r = parse(TestMrz.TD3_1, sealTd3(set(TestMrz.TD3_2, 14, yymmdd)));
        assertThat(r.errors()).isEmpty();
        return r.dateOfBirth();
    }

    private static LocalDate expiry(String yymmdd) {
        MrzReading r = parse(TestMrz.TD3_1, sealTd3(set(TestMrz.TD3_2, 22, yymmdd)));
        assertThat(r.errors()).isEmpty();
        return r.dateOfExpiry();
    }
}

package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.document.TestMrz.at;
import static org.ibex.document.TestMrz.parse;
import static org.ibex.document.TestMrz.set;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Unambiguous OCR damage is repaired and reported; ambiguous damage is only suggested. */
class MrzOcrRepairTest {

    @Test
    void readsLowerCaseAsUpperCase() {
        MrzReading r = parse(TestMrz.TD3_1.toLowerCase(), TestMrz.TD3_2.toLowerCase());

        assertThat(r.errors()).isEmpty();
        assertThat(r.lines()).containsExactly(TestMrz.TD3_1, TestMrz.TD3_2);
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.repairs()).isNotEmpty().allSatisfy(repair -> assertThat(repair.rule()).isEqualTo("case"));
        assertThat(r.repairs().get(0)).isEqualTo(new MrzRepair("line1", "case", "lower case read as upper case",
                at(1, 1), "p", "P"));
    }

    @Test
    void readsGuillemetsAndInnerSpacesAsFillers() {
        MrzReading r = parse(TestMrz.TD3_1.replace('<', '«'), TestMrz.TD3_2.replace("B<<<<<1", "B     1"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.lines()).containsExactly(TestMrz.TD3_1, TestMrz.TD3_2);
        assertThat(r.repairs()).extracting(MrzRepair::rule).containsOnly("filler");
        assertThat(r.repairs()).extracting(MrzRepair::position, MrzRepair::from, MrzRepair::to)
                .contains(tuple(new MrzPosition(2, 38, 5), "     ", "<<<<<"));
    }

    @Test
    void trimsSpacesAndBlankLinesAroundAndBetweenLines() {
        MrzReading r = TestMrz.PARSER.parse("\n\n   " + TestMrz.TD3_1 + "  \r\n\r\n\t" + TestMrz.TD3_2 + "\n\n");

        assertThat(r.errors()).isEmpty();
        assertThat(r.lines()).containsExactly(TestMrz.TD3_1, TestMrz.TD3_2);
        assertThat(r.repairs()).extracting(MrzRepair::field, MrzRepair::rule)
                .containsExactly(tuple("line1", "trim"), tuple("line2", "trim"), tuple("line2", "trim"));
    }

    @Test
    void addsAMissingTrailingFiller() {
        MrzReading r = parse(TestMrz.TD3_1.substring(0, 43), TestMrz.TD3_2);

        assertThat(r.errors()).isEmpty();
        assertThat(r.lines()).containsExactly(TestMrz.TD3_1, TestMrz.TD3_2);
        assertThat(r.repairs()).containsExactly(new MrzRepair("line1", "line-length",
                "line 1 had 43 characters; added a trailing filler to make 44", at(1, 44), "", "<"));
    }

    @Test
    void removesOneExtraTrailingFiller() {
        MrzReading r = parse(TestMrz.TD1_1 + "<", TestMrz.TD1_2, TestMrz.TD1_3);

        assertThat(r.errors()).isEmpty();
        assertThat(r.lines()).containsExactly(TestMrz.TD1_1, TestMrz.TD1_2, TestMrz.TD1_3);
        assertThat(r.repairs()).extracting(MrzRepair::rule, MrzRepair::position, MrzRepair::from, MrzRepair::to)
                .containsExactly(tuple("line-length", at(1, 31), "<", ""));
    }

    @Test
    void keepsAnExtraCharacterThatIsNotAFillerAndReportsIt() {
        MrzReading r = parse(TestMrz.TD3_1, TestMrz.TD3_2 + "7");

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("line2", "length", at(2, 45)));
        assertThat(r.documentNumber()).as("fields are still read at their positions").isEqualTo("L898902C3");
        assertThat(r.lines().get(1)).hasSize(45);
    }

    @Test
    void readsTheLetterOInADateAsZero() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 16, "O"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(r.repairs()).extracting(MrzRepair::field, MrzRepair::rule, MrzRepair::position,
                        MrzRepair::from, MrzRepair::to)
                .containsExactly(tuple("dateOfBirth", "letter-in-numeric", at(2, 16), "O", "0"));
    }

    @Test
    void readsLettersInCheckDigitsAsDigits() {
        MrzReading r = parse(TestMrz.TD3_1, set(set(TestMrz.TD3_2, 20, "Z"), 10, "g"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.repairs()).extracting(MrzRepair::field, MrzRepair::rule, MrzRepair::position, MrzRepair::to)
                .containsExactly(tuple("line2", "case", at(2, 10), "G"),
                        tuple("documentNumber", "letter-in-numeric", at(2, 10), "6"),
                        tuple("dateOfBirth", "letter-in-numeric", at(2, 20), "2"));
    }

    @Test
    void readsTheDigitZeroInASurnameAsTheLetterO() {
        MrzReading r = parse(set(TestMrz.TD3_1, 12, "0"), TestMrz.TD3_2);

        assertThat(r.errors()).isEmpty();
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.repairs()).extracting(MrzRepair::field, MrzRepair::rule, MrzRepair::position,
                        MrzRepair::from, MrzRepair::to)
                .containsExactly(tuple("surname", "digit-in-alpha", at(1, 12), "0", "O"));
    }

    @Test
    void readsTheDigitOneInAGivenNameAsTheLetterI() {
        MrzReading r = parse(set(TestMrz.TD3_1, 24, "1"), TestMrz.TD3_2);

        assertThat(r.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(r.repairs()).extracting(MrzRepair::field, MrzRepair::position)
                .containsExactly(tuple("givenNames", at(1, 24)));
    }

    @Test
    void readsDigitsInCountryCodesAsLetters() {
        MrzReading r = parse(set(TestMrz.TD3_1, 5, "0"), set(TestMrz.TD3_2, 13, "0"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.issuingState()).isEqualTo("UTO");
        assertThat(r.nationality()).isEqualTo("UTO");
        assertThat(r.repairs()).extracting(MrzRepair::field).containsExactly("issuingState", "nationality");
    }

    @Test
    void reportsADigitInANameThatNoLetterLooksLike() {
        MrzReading r = parse(set(TestMrz.TD3_1, 18, "4"), TestMrz.TD3_2);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("givenNames", "charset", at(1, 18)));
        assertThat(r.givenNames()).isEqualTo("AN4A MARIA");
    }

    @Test
    void neverRepairsTheAlphanumericDocumentNumberButSuggestsTheOneSwapThatPasses() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 6, "O"));

        assertThat(r.documentNumber()).isEqualTo("L8989O2C3");
        assertThat(r.repairs()).isEmpty();
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule)
                .contains(tuple("documentNumber", "check-digit"));
        assertThat(r.suggestions()).extracting(MrzSuggestion::field, MrzSuggestion::position,
                        MrzSuggestion::original, MrzSuggestion::suggested)
                .containsExactly(tuple("documentNumber", at(2, 6), "L8989O2C3", "L898902C3"));
    }

    @Test
    void suggestsAConfusableFixInTheTd3PersonalNumber() {
        // The passport says AB1234567; OCR read its '2' as 'Z'.
        String printed = TestMrz.sealTd3(set(TestMrz.TD3_2, 29, "AB1234567<<<<<"));
        MrzReading r = parse(TestMrz.TD3_1, set(printed, 32, "Z"));

        assertThat(r.optionalData()).isEqualTo("AB1Z34567");
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("personalNumber", "check-digit", at(2, 43)),
                        tuple("composite", "check-digit", at(2, 44)));
        assertThat(r.suggestions()).extracting(MrzSuggestion::field, MrzSuggestion::position,
                        MrzSuggestion::original, MrzSuggestion::suggested)
                .containsExactly(tuple("personalNumber", at(2, 32), "AB1Z34567", "AB1234567"));
    }

    @Test
    void suggestsNothingWhenTwoSwapsWouldPass() {
        // With check digit 7, both L89B902C3 and L89890ZC3 pass: a choice between fixes is not a fix.
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 10, "7"));

        assertThat(r.errors()).extracting(MrzIssue::field).contains("documentNumber");
        assertThat(r.suggestions()).isEmpty();
    }

    @Test
    void suggestsNothingWhenNoSingleSwapMakesTheCheckDigitPass() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 10, "1"));

        assertThat(r.errors()).extracting(MrzIssue::field).contains("documentNumber");
        assertThat(r.suggestions()).isEmpty();
    }
}

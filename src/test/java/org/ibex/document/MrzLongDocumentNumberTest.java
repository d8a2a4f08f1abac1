package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.document.TestMrz.at;
import static org.ibex.document.TestMrz.digit;
import static org.ibex.document.TestMrz.parse;
import static org.ibex.document.TestMrz.set;

import org.junit.jupiter.api.Test;

/** TD1 and TD2 continue a document number longer than 9 characters into the optional data (Doc 9303 Part 5, 6). */
class MrzLongDocumentNumberTest {
    private static final String NUMBER = "D23145890734";
    // The first 9 characters, '<' where the check digit would be, then the rest, the check digit over all 12, '<'.
    private static final String TD1_LINE1 = "I<UTO" + "D23145890" + "<" + "734" + digit(NUMBER) + "<<<<<<<<<<<";
    private static final String TD1_LINE2 = TestMrz.td1Composite(TD1_LINE1, TestMrz.TD1_2);
    private static final String TD2_LINE2 = TestMrz.td2Composite(
            "D23145890" + "<" + "UTO7408122F1204159" + "734" + digit(NUMBER) + "<<<" + "0");

    @Test
    void readsTheFullTd1NumberAcrossDocumentNumberAndOptionalData() {
        MrzReading r = parse(TD1_LINE1, TD1_LINE2, TestMrz.TD1_3);

        assertThat(TD1_LINE1).isEqualTo("I<UTOD23145890<7349<<<<<<<<<<<");
        assertThat(r.errors()).isEmpty();
        assertThat(r.documentNumber()).isEqualTo(NUMBER);
        assertThat(r.optionalData()).as("the continuation is part of the number, not optional data").isEmpty();
    }

    @Test
    void keepsTd1OptionalDataThatFollowsTheContinuation() {
        String line1 = set(TD1_LINE1, 21, "XY12");
        MrzReading r = parse(line1, TestMrz.td1Composite(line1, TestMrz.TD1_2), TestMrz.TD1_3);

        assertThat(r.errors()).isEmpty();
        assertThat(r.documentNumber()).isEqualTo(NUMBER);
        assertThat(r.optionalData()).isEqualTo("XY12");
    }

    @Test
    void rejectsTd1LongNumberWithBadCheckDigitAtItsPositionInTheOptionalData() {
        String line1 = set(TD1_LINE1, 19, "1");
        MrzReading r = parse(line1, TestMrz.td1Composite(line1, TestMrz.TD1_2), TestMrz.TD1_3);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(1, 19)));
        assertThat(r.documentNumber()).isEqualTo(NUMBER);
    }

    @Test
    void rejectsTd1FillerCheckDigitWithoutAContinuation() {
        String line1 = set(TestMrz.TD1_1, 15, "<");
        MrzReading r = parse(line1, TestMrz.td1Composite(line1, TestMrz.TD1_2), TestMrz.TD1_3);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(1, 15)));
    }

    @Test
    void readsTheFullTd2NumberAcrossDocumentNumberAndOptionalData() {
        MrzReading r = parse(TestMrz.TD2_1, TD2_LINE2);

        assertThat(r.errors()).isEmpty();
        assertThat(r.documentNumber()).isEqualTo(NUMBER);
        assertThat(r.optionalData()).isEmpty();
    }

    @Test
    void rejectsTd2LongNumberWithBadCheckDigitAtItsPositionInTheOptionalData() {
        MrzReading r = parse(TestMrz.TD2_1, TestMrz.td2Composite(set(TD2_LINE2, 32, "0")));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(2, 32)));
    }

    @Test
    void td3HasNoLongNumberRuleSoAFillerCheckDigitIsAnError() {
        String line2 = TestMrz.td3Composite(set(TestMrz.TD3_2, 10, "<"));

        assertThat(parse(TestMrz.TD3_1, line2).errors()).extracting(MrzIssue::field, MrzIssue::position)
                .containsExactly(tuple("documentNumber", at(2, 10)));
    }

    @Test
    void suggestsAConfusableFixInsideTheContinuation() {
        // The card says D23145890812; OCR read its final '2' as 'Z'.
        String line1 = "I<UTOD23145890<81Z" + digit("D23145890812") + "<<<<<<<<<<<";
        MrzReading r = parse(line1, TestMrz.td1Composite(line1, TestMrz.TD1_2), TestMrz.TD1_3);

        assertThat(r.documentNumber()).isEqualTo("D2314589081Z");
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::position)
                .containsExactly(tuple("documentNumber", at(1, 19)));
        assertThat(r.suggestions()).extracting(MrzSuggestion::field, MrzSuggestion::position,
                        MrzSuggestion::original, MrzSuggestion::suggested)
                .containsExactly(tuple("documentNumber", at(1, 18), "D2314589081Z", "D23145890812"));
    }
}

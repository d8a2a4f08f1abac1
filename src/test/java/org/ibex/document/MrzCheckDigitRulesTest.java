package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ibex.document.TestMrz.at;
import static org.ibex.document.TestMrz.otherDigitAt;
import static org.ibex.document.TestMrz.parse;
import static org.ibex.document.TestMrz.set;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every check digit of every format: a wrong digit gives an error naming the field, rule and position. */
class MrzCheckDigitRulesTest {

    // TD3

    @Test
    void rejectsTd3DocumentNumberWithBadCheckDigit() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 10, otherDigitAt(TestMrz.TD3_2, 10)));

        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .as("the check digit is inside the composite, so the composite fails too")
                .containsExactly(tuple("documentNumber", "check-digit", at(2, 10)),
                        tuple("composite", "check-digit", at(2, 44)));
        assertThat(r.documentNumber()).as("the number is still reported as read").isEqualTo("L898902C3");
        assertThat(r.errors().get(0).message()).contains("expected 6", "found '7'");
    }

    @Test
    void rejectsTd3DateOfBirthWithBadCheckDigit() {
        MrzReading r = parse(TestMrz.TD3_1, TestMrz.td3Composite(set(TestMrz.TD3_2, 20, "3")));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfBirth", "check-digit", at(2, 20)));
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
    }

    @Test
    void rejectsTd3DateOfExpiryWithBadCheckDigit() {
        MrzReading r = parse(TestMrz.TD3_1, TestMrz.td3Composite(set(TestMrz.TD3_2, 28, "0")));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfExpiry", "check-digit", at(2, 28)));
        assertThat(r.dateOfExpiry()).isEqualTo(LocalDate.of(2012, 4, 15));
    }

    @Test
    void rejectsTd3PersonalNumberWithBadCheckDigit() {
        MrzReading r = parse(TestMrz.TD3_1, TestMrz.td3Composite(set(TestMrz.TD3_2, 43, "2")));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("personalNumber", "check-digit", at(2, 43)));
        assertThat(r.optionalData()).isEqualTo("ZE184226B");
    }

    @Test
    void acceptsFillerOrZeroAsCheckDigitOfAnEmptyPersonalNumber() {
        String empty = set(TestMrz.TD3_2, 29, "<<<<<<<<<<<<<<");

        assertThat(parse(TestMrz.TD3_1, TestMrz.td3Composite(set(empty, 43, "<"))).errors()).isEmpty();
        assertThat(parse(TestMrz.TD3_1, TestMrz.td3Composite(set(empty, 43, "0"))).errors()).isEmpty();
        assertThat(parse(TestMrz.TD3_1, TestMrz.td3Composite(set(empty, 43, "1"))).errors())
                .extracting(MrzIssue::field, MrzIssue::position).containsExactly(tuple("personalNumber", at(2, 43)));
    }

    @Test
    void rejectsTd3CompositeWithBadCheckDigit() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 44, "1"));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("composite", "check-digit", at(2, 44)));
    }

    // TD1

    @Test
    void rejectsTd1DocumentNumberWithBadCheckDigit() {
        MrzReading r = parse(set(TestMrz.TD1_1, 15, "8"), TestMrz.TD1_2, TestMrz.TD1_3);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(1, 15)),
                        tuple("composite", "check-digit", at(2, 30)));
    }

    @Test
    void rejectsTd1DateOfBirthWithBadCheckDigit() {
        String line2 = TestMrz.td1Composite(TestMrz.TD1_1, set(TestMrz.TD1_2, 7, "3"));

        assertThat(parse(TestMrz.TD1_1, line2, TestMrz.TD1_3).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfBirth", "check-digit", at(2, 7)));
    }

    @Test
    void rejectsTd1DateOfExpiryWithBadCheckDigit() {
        String line2 = TestMrz.td1Composite(TestMrz.TD1_1, set(TestMrz.TD1_2, 15, "0"));

        assertThat(parse(TestMrz.TD1_1, line2, TestMrz.TD1_3).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfExpiry", "check-digit", at(2, 15)));
    }

    @Test
    void rejectsTd1CompositeWithBadCheckDigit() {
        assertThat(parse(TestMrz.TD1_1, set(TestMrz.TD1_2, 30, "7"), TestMrz.TD1_3).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("composite", "check-digit", at(2, 30)));
    }

    @Test
    void td1CompositeCoversLine1OptionalDataAndLine2OptionalData() {
        String line1 = set(TestMrz.TD1_1, 16, "AB1");
        String line2 = set(TestMrz.TD1_2, 19, "CD2");

        assertThat(parse(line1, TestMrz.TD1_2, TestMrz.TD1_3).errors()).extracting(MrzIssue::field)
                .containsExactly("composite");
        assertThat(parse(TestMrz.TD1_1, line2, TestMrz.TD1_3).errors()).extracting(MrzIssue::field)
                .containsExactly("composite");
        MrzReading sealed = parse(line1, TestMrz.td1Composite(line1, line2), TestMrz.TD1_3);
        assertThat(sealed.errors()).isEmpty();
        assertThat(sealed.optionalData()).isEqualTo("AB1");
        assertThat(sealed.optionalData2()).isEqualTo("CD2");
    }

    // TD2

    @Test
    void rejectsTd2DocumentNumberWithBadCheckDigit() {
        assertThat(parse(TestMrz.TD2_1, set(TestMrz.TD2_2, 10, "1")).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(2, 10)),
                        tuple("composite", "check-digit", at(2, 36)));
    }

    @Test
    void rejectsTd2DateOfBirthWithBadCheckDigit() {
        assertThat(parse(TestMrz.TD2_1, TestMrz.td2Composite(set(TestMrz.TD2_2, 20, "5"))).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfBirth", "check-digit", at(2, 20)));
    }

    @Test
    void rejectsTd2DateOfExpiryWithBadCheckDigit() {
        assertThat(parse(TestMrz.TD2_1, TestMrz.td2Composite(set(TestMrz.TD2_2, 28, "5"))).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfExpiry", "check-digit", at(2, 28)));
    }

    @Test
    void rejectsTd2CompositeWithBadCheckDigit() {
        assertThat(parse(TestMrz.TD2_1, set(TestMrz.TD2_2, 36, "5")).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("composite", "check-digit", at(2, 36)));
    }

    // MRV-A and MRV-B: no composite, no personal number check

    @Test
    void rejectsVisaDocumentNumberWithBadCheckDigit() {
        assertThat(parse(TestMrz.MRVA_1, set(TestMrz.MRVA_2, 10, "5")).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(2, 10)));
        assertThat(parse(TestMrz.MRVB_1, set(TestMrz.MRVB_2, 10, "5")).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("documentNumber", "check-digit", at(2, 10)));
    }

    @Test
    void rejectsVisaDatesWithBadCheckDigits() {
        assertThat(parse(TestMrz.MRVA_1, set(set(TestMrz.MRVA_2, 20, "0"), 28, "0")).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfBirth", "check-digit", at(2, 20)),
                        tuple("dateOfExpiry", "check-digit", at(2, 28)));
        assertThat(parse(TestMrz.MRVB_1, set(set(TestMrz.MRVB_2, 20, "0"), 28, "0")).errors())
                .extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(tuple("dateOfBirth", "check-digit", at(2, 20)),
                        tuple("dateOfExpiry", "check-digit", at(2, 28)));
    }

    @Test
    void visasHaveNoCompositeOrOptionalDataCheckDigit() {
        assertThat(parse(TestMrz.MRVA_1, set(TestMrz.MRVA_2, 43, "77")).errors()).isEmpty();
        assertThat(parse(TestMrz.MRVB_1, set(TestMrz.MRVB_2, 29, "12345678")).errors()).isEmpty();
    }

    @Test
    void reportsACheckDigitThatIsNoDigitAtAll() {
        MrzReading r = parse(TestMrz.TD3_1, set(TestMrz.TD3_2, 10, "<"));

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .contains(tuple("documentNumber", "check-digit", at(2, 10)));
        assertThat(r.errors().get(0).message()).contains("expected 6", "found '<'");
    }
}

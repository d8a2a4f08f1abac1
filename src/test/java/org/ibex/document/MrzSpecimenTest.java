package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Doc 9303 specimens in the shared data folder parse to the values the standard prints beside them. */
class MrzSpecimenTest {
    private static List<String> blocks;

    @BeforeAll
    static void readSpecimens() throws IOException {
        Path file = Path.of(System.getProperty("ibex.shared", "../shared"), "data/mrz/icao9303-specimens.txt");
        blocks = MrzBlocks.split(Files.readString(file));
    }

    @Test
    void specimenFileHoldsOneBlockPerFormatInOrder() {
        assertThat(blocks).hasSize(5);
        assertThat(blocks.stream().map(b -> TestMrz.PARSER.parse(b).format()))
                .containsExactly(MrzFormat.TD3, MrzFormat.TD1, MrzFormat.TD2, MrzFormat.MRVA, MrzFormat.MRVB);
    }

    @Test
    void td3SpecimenReadsAsAnnaMariaErikssonsPassport() {
        MrzReading r = TestMrz.PARSER.parse(blocks.get(0));

        assertThat(r.errors()).as("the TD3 specimen's check digits are all valid").isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.format()).isEqualTo(MrzFormat.TD3);
        assertThat(r.documentCode()).isEqualTo("P");
        assertThat(r.issuingState()).isEqualTo("UTO");
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(r.documentNumber()).isEqualTo("L898902C3");
        assertThat(r.nationality()).isEqualTo("UTO");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(r.sex()).isEqualTo("F");
        assertThat(r.dateOfExpiry()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(r.optionalData()).isEqualTo("ZE184226B");
        assertThat(r.optionalData2()).isNull();
        assertThat(r.lines()).containsExactly(TestMrz.TD3_1, TestMrz.TD3_2);
        assertThat(r.repairs()).isEmpty();
        assertThat(r.suggestions()).isEmpty();
    }

    @Test
    void td1SpecimenReadsAsAnnaMariaErikssonsIdCard() {
        MrzReading r = TestMrz.PARSER.parse(blocks.get(1));

        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(MrzFormat.TD1);
        assertThat(r.documentCode()).isEqualTo("I");
        assertThat(r.issuingState()).isEqualTo("UTO");
        assertThat(r.documentNumber()).isEqualTo("D23145890");
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(r.nationality()).isEqualTo("UTO");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(r.sex()).isEqualTo("F");
        assertThat(r.dateOfExpiry()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(r.optionalData()).isEmpty();
        assertThat(r.optionalData2()).isEmpty();
    }

    @Test
    void td2SpecimenReadsAsAnnaMariaErikssonsIdCard() {
        MrzReading r = TestMrz.PARSER.parse(blocks.get(2));

        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(MrzFormat.TD2);
        assertThat(r.documentCode()).isEqualTo("I");
        assertThat(r.issuingState()).isEqualTo("UTO");
        assertThat(r.documentNumber()).isEqualTo("D23145890");
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(r.dateOfExpiry()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(r.sex()).isEqualTo("F");
        assertThat(r.optionalData()).isEmpty();
        assertThat(r.optionalData2()).isNull();
    }

    @Test
    void mrvASpecimenReadsAsAVisaForAnUnspecifiedNationality() {
        MrzReading r = TestMrz.PARSER.parse(blocks.get(3));

        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(MrzFormat.MRVA);
        assertThat(r.documentCode()).isEqualTo("V");
        assertThat(r.issuingState()).isEqualTo("UTO");
        assertThat(r.documentNumber()).isEqualTo("L8988901C");
        assertThat(r.nationality()).as("XXX is Doc 9303's unspecified nationality").isEqualTo("XXX");
        assertThat(r.dateOfBirth()).as("2040 would be in the future").isEqualTo(LocalDate.of(1940, 9, 7));
        assertThat(r.dateOfExpiry()).as("2096 is more than 20 years ahead").isEqualTo(LocalDate.of(1996, 12, 10));
        assertThat(r.sex()).isEqualTo("F");
        assertThat(r.optionalData()).as("MRV-A optional data is line 2 positions 29-44, no check digit")
                .isEqualTo("6ZE184226B");
    }

    @Test
    void mrvBSpecimenReadsAsAShortVisa() {
        MrzReading r = TestMrz.PARSER.parse(blocks.get(4));

        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(MrzFormat.MRVB);
        assertThat(r.documentNumber()).isEqualTo("L8988901C");
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1940, 9, 7));
        assertThat(r.dateOfExpiry()).isEqualTo(LocalDate.of(1996, 12, 10));
        assertThat(r.optionalData()).isEmpty();
    }

    @Test
    void everyPrintedSpecimenCheckDigitAgreesWithTheStandardAlgorithm() {
        // Recomputed independently of the parser, so a specimen typo would show here and not only as a parse error.
        String td3 = TestMrz.TD3_2;
        assertThat(digitsOf(td3, 1, 9, 10, 14, 6, 20, 22, 6, 28, 29, 14, 43)).isEqualTo("6291");
        assertThat(TestMrz.digit(td3.substring(0, 10) + td3.substring(13, 20) + td3.substring(21, 43))).isEqualTo("0");

        assertThat(TestMrz.digit(TestMrz.TD1_1.substring(5, 14))).isEqualTo("7");
        assertThat(digitsOf(TestMrz.TD1_2, 1, 6, 7, 9, 6, 15)).isEqualTo("29");
        assertThat(TestMrz.td1Composite(TestMrz.TD1_1, TestMrz.TD1_2)).isEqualTo(TestMrz.TD1_2);

        assertThat(digitsOf(TestMrz.TD2_2, 1, 9, 10, 14, 6, 20, 22, 6, 28)).isEqualTo("729");
        assertThat(TestMrz.td2Composite(TestMrz.TD2_2)).isEqualTo(TestMrz.TD2_2);

        assertThat(digitsOf(TestMrz.MRVA_2, 1, 9, 10, 14, 6, 20, 22, 6, 28)).isEqualTo("489");
        assertThat(digitsOf(TestMrz.MRVB_2, 1, 9, 10, 14, 6, 20, 22, 6, 28)).isEqualTo("489");
        assertThat(List.of(TestMrz.TD3_1, TestMrz.TD3_2, TestMrz.TD1_1, TestMrz.TD1_2, TestMrz.TD1_3, TestMrz.TD2_1,
                TestMrz.TD2_2, TestMrz.MRVA_1, TestMrz.MRVA_2, TestMrz.MRVB_1, TestMrz.MRVB_2))
                .as("the test constants are the specimen file's lines")
                .containsExactlyElementsOf(blocks.stream().flatMap(b -> b.lines()).toList());
    }

    /** For each (column, length, checkColumn) triple: asserts the printed digit matches, and returns the digits. */
    private static String digitsOf(String line, int... triples) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < triples.length; i += 3) {
            String value = line.substring(triples[i] - 1, triples[i] - 1 + triples[i + 1]);
            char printed = line.charAt(triples[i + 2] - 1);
            assertThat(TestMrz.digit(value)).as("check digit of '%s'", value).isEqualTo(String.valueOf(printed));
            digits.append(printed);
        }
        return digits.toString();
    }
}

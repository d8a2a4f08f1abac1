package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers in the UN's document fields, as the real list writes them. */
class DocumentNumbersTest {
    @Test
    void keepsAPlainNumberAsItIs() {
        assertThat(DocumentNumbers.fromNumberField("381310014")).isEqualTo("381310014");
        assertThat(DocumentNumbers.fromNumberField("0018061/104")).isEqualTo("0018061/104");
        assertThat(DocumentNumbers.fromNumberField("TR-P 614 166")).isEqualTo("TR-P 614 166");
        assertThat(DocumentNumbers.fromNumberField("12CP63882.3FRA")).isEqualTo("12CP63882.3FRA");
    }

    @Test
    void takesTheNumberAfterNumberOrNo() {
        assertThat(DocumentNumbers.fromNumberField("Russian foreign travel passport number 515458008"))
                .isEqualTo("515458008");
        assertThat(DocumentNumbers.fromNumberField("Libyan Passport No. 96/184442")).isEqualTo("96/184442");
        assertThat(DocumentNumbers.fromNumberField("Provisional passport No.: 28642163")).isEqualTo("28642163");
        assertThat(DocumentNumbers.fromNumberField("Social Security Number 423-31-3021 (US)")).isEqualTo("423-31-3021");
        assertThat(DocumentNumbers.fromNumberField("Russian passport number 8208 No. 555627"))
                .as("series and number").isEqualTo("8208 555627");
        assertThat(DocumentNumbers.fromNumberField("Afghan passport number SE 012820")).isEqualTo("SE 012820");
    }

    @Test
    void dropsAWordBeforeOrACommentAfterTheNumber() {
        assertThat(DocumentNumbers.fromNumberField("Jordan 654781")).isEqualTo("654781");
        assertThat(DocumentNumbers.fromNumberField("Libya B/002210")).isEqualTo("B/002210");
        assertThat(DocumentNumbers.fromNumberField("R00012098, South Sudan")).isEqualTo("R00012098");
        assertThat(DocumentNumbers.fromNumberField("381110042 (Expired 25 Jan. 2016)")).isEqualTo("381110042");
        assertThat(DocumentNumbers.fromNumberField("German travel document (“Reiseausweis”) A 0139243"))
                .isEqualTo("A 0139243");
        assertThat(DocumentNumbers.fromNumberField("Diplomatic Passport D014433")).isEqualTo("D014433");
    }

    @Test
    void findsANumberInANoteOnlyWhereTheNoteNamesOne() {
        assertThat(DocumentNumbers.fromNote("Tunisian passport number L 191609 issued on 28 Feb. 1996"))
                .isEqualTo("L 191609");
        assertThat(DocumentNumbers.fromNote("04643632 issued on 18 Jun. 1999")).isEqualTo("04643632");
        assertThat(DocumentNumbers.fromNote("SSN 156-92-9858 (United States of America)")).isEqualTo("156-92-9858");
        assertThat(DocumentNumbers.fromNote("Italian Fiscal Code: DAOMMD74T11Z352Z")).isEqualTo("DAOMMD74T11Z352Z");
        assertThat(DocumentNumbers.fromNote("issued in 1974")).isNull();
        assertThat(DocumentNumbers.fromNote("issued in Lashkar Gah District, Helmand Province, Afghanistan")).isNull();
    }
}

package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrzBlocksTest {

    @Test
    void blankLinesSeparateDocuments() {
        assertThat(MrzBlocks.split("A1\nA2\n\nB1\nB2\nB3")).containsExactly("A1\nA2", "B1\nB2\nB3");
    }

    @Test
    void commentLinesAreDroppedAndDoNotEndABlock() {
        assertThat(MrzBlocks.split("# header\nA1\n# between lines\nA2\n\n# next\nB1\nB2"))
                .containsExactly("A1\nA2", "B1\nB2");
    }

    @Test
    void windowsAndOldMacLineEndingsSplitLikeUnixOnes() {
        assertThat(MrzBlocks.split("A1\r\nA2\r\n\r\nB1\rB2\r")).containsExactly("A1\nA2", "B1\nB2");
    }

    @Test
    void trailingAndRepeatedBlankLinesMakeNoEmptyBlocks() {
        assertThat(MrzBlocks.split("\n\nA1\nA2\n\n\n   \nB1\nB2\n\n\n")).containsExactly("A1\nA2", "B1\nB2");
    }

    @Test
    void textWithOnlyCommentsOrNothingHasNoBlocks() {
        assertThat(MrzBlocks.split("# only\n# comments\n")).isEmpty();
        assertThat(MrzBlocks.split("")).isEmpty();
        assertThat(MrzBlocks.split(null)).isEmpty();
    }

    @Test
    void blocksParseOneByOne() {
        String text = TestMrz.TD3_1 + "\r\n" + TestMrz.TD3_2 + "\r\n\r\n# visa\r\n" + TestMrz.MRVB_1 + "\r\n"
                + TestMrz.MRVB_2 + "\r\n\r\n";
        assertThat(MrzBlocks.split(text).stream().map(b -> TestMrz.PARSER.parse(b).format()))
                .containsExactly(MrzFormat.TD3, MrzFormat.MRVB);
    }
}

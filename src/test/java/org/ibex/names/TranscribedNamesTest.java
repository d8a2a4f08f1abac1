package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Foreign names written in Chinese characters or katakana, matched through the learned reading
 * tables. The pairs are from the EVALUATION half of the shared Wikidata files (never trained on),
 * and none of them matched with pinyin and Hepburn alone.
 */
class TranscribedNamesTest {
    private static final NameMatcher MATCHER = new NameMatcher();

    @Test
    void fossettMatchesFuSaiTeReadAsFosetNotAsPinyinFusaite() {
        NameScore s = MATCHER.score("FOSSETT", "福塞特");
        assertThat(s.match()).as("福 fu→fo, 塞 sai→se, 特 te→t as transcribers of English names use them").isTrue();
        assertThat(s.explanation()).as("the reading compared is shown, one spelling per character")
                .contains("福塞特 [fosset]");
    }

    @Test
    void coolidgeMatchesKeLiZhiThroughALearnedReadingShownToTheOfficer() {
        NameScore s = MATCHER.score("COOLIDGE", "柯立芝");
        assertThat(s.match()).isTrue();
        assertThat(s.parts()).singleElement().satisfies(p -> {
            assertThat(p.reading()).as("the spelling compared, not pinyin kelizhi").isNotEqualTo("kelizhi").startsWith("col");
            assertThat(p.rule()).isEqualTo(MatchRule.EDIT_DISTANCE);
        });
        assertThat(s.explanation()).startsWith("Match").contains("COOLIDGE ~ 柯立芝 [" + s.parts().get(0).reading() + "]");
    }

    @Test
    void traditionalCharactersUseTheReadingsLearnedFromBothForms() {
        NameScore s = MATCHER.score("LINDSTROM", "林斯壯");
        assertThat(s.match()).as("壯 is traditional; 斯 is read as a bare s").isTrue();
        assertThat(s.parts()).singleElement().extracting(PartMatch::reading).asString().startsWith("lins");
    }

    @Test
    void katakanaLongVowelAfterAnOSoundIsReadAsAnEnglishR() {
        NameScore s = MATCHER.score("WALLEY", "ウォーリー");
        assertThat(s.match()).isTrue();
        assertThat(s.explanation()).contains("WALLEY = ウォーリー [warley] (transliteration variant");
    }

    @Test
    void aDifferentNameWithTheSameOpeningStillDoesNotMatch() {
        NameScore s = MATCHER.score("LINDBERG", "林斯壯");
        assertThat(s.match()).as("Lindberg is not Lindström: the learned readings must not blur the ending").isFalse();
        assertThat(MATCHER.score("COLLINS", "柯立芝").match()).as("Collins is not Coolidge").isFalse();
    }

    @Test
    void pinyinOfNativeChineseNamesStillMatchesInEitherOrder() {
        assertThat(MATCHER.score("ZHANG WEI", "张伟").explanation()).contains("[zhangwei]");
        assertThat(MATCHER.score("WEI ZHANG", "张伟").match()).isTrue();
    }

    /** Training-half pairs that two decodings missed; the third and fourth most probable spellings find them. */
    @Test
    void lessProbableReadingsOfACharacterStillFindTheName() {
        assertThat(MATCHER.score("BOLL", "鮑爾").match()).as("鮑 as bo, not bao").isTrue();
        assertThat(MATCHER.score("ESSAU", "埃紹").match()).isTrue();
        assertThat(MATCHER.score("ZUR", "楚尔").match()).as("楚 as z, 尔 as r").isTrue();
        assertThat(MATCHER.score("TCHERMOEFF", "切薩莫夫").match()).isTrue();
        assertThat(Transliteration.variants("张伟")).as("the surname-last rotation survives the longer list")
                .contains("zhangwei", "weizhang");
    }
}

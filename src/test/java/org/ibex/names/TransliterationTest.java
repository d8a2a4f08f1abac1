package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransliterationTest {
    @Test
    void russianGivesIcaoBgnAndGermanStyleSpellings() {
        assertThat(Transliteration.variants("Хрущёв")).contains("khrushchev", "chruschtschjow");
    }

    @Test
    void arabicAinIsSilentAndLongVowelLettersAreReadAsVowelsOrConsonants() {
        assertThat(Transliteration.variants("علي")).contains("li", "ly");
    }

    @Test
    void hebrewVavIsReadAsOAndAsV() {
        assertThat(Transliteration.variants("כהן")).contains("khn");
        assertThat(Transliteration.variants("משה")).contains("msha");
    }

    @Test
    void katakanaDropsVowelsInsertedAfterForeignConsonants() {
        assertThat(Transliteration.variants("スミス")).contains("sumisu", "smis");
    }

    @Test
    void chineseTranscriptionIsReducedToConsonantClusters() {
        assertThat(Transliteration.variants("維斯伯恩")).contains("weisiboen", "weisbon");
    }

    @Test
    void latinWithUmlautGivesPlainAndExpandedFolds() {
        assertThat(Transliteration.variants("Müller")).containsExactly("muller", "mueller");
    }

    @Test
    void anyScriptFoldsToAsciiLetters() {
        assertThat(Transliteration.toLatin("Παπαδόπουλος")).isEqualTo("papadopoulos");
    }
}

package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Latin name aligned against every learned spelling of every character of a Chinese name, one
 * spelling per character. The pairs are from the TRAINING half of the shared Chinese file: each was
 * missed when only the four most probable whole-name spellings were compared.
 */
class ReadingLatticeTest {
    private static final NameMatcher MATCHER = new NameMatcher();

    @Test
    void aTranscriptionMixingLessProbableSpellingsOfSeveralCharactersIsFound() {
        assertThat(MATCHER.score("BARJAVEL", "巴赫札维勒").match()).isTrue();
        assertThat(MATCHER.score("BJERREGAARD", "比耶勒高").match()).isTrue();
        assertThat(MATCHER.score("AXLINE", "愛思蓮").match()).as("愛 a, 思 s, 蓮 line").isTrue();
        assertThat(MATCHER.score("BIRDSEYE", "伯宰").match()).isTrue();
        assertThat(MATCHER.score("BEAUMON", "比尤芒").match()).isTrue();
    }

    @Test
    void theOfficerSeesTheSpellingTheAlignmentChose() {
        NameScore s = MATCHER.score("BJERREGAARD", "比耶勒高");
        String reading = s.parts().get(0).reading();
        assertThat(reading).as("one spelling per character, not pinyin biyelegao").isEqualTo("bjeleaard");
        assertThat(s.explanation()).contains("比耶勒高 [bjeleaard]");
    }

    @Test
    void unlikelySpellingsCostSoOtherNamesStillDoNotMatch() {
        assertThat(MATCHER.score("LINDBERG", "林斯壯").match()).isFalse();
        assertThat(MATCHER.score("COLLINS", "柯立芝").match()).isFalse();
        assertThat(MATCHER.score("JOHNSON", "阿克莱特").match()).isFalse();
        assertThat(MATCHER.score("WEI ZHANG", "李明").match()).isFalse();
    }

    @Test
    void theLatticeHasAColumnPerCharacterAndSurvivesJoiningAndAHostileLength() {
        ReadingLattice l = ReadingLattice.of("阿克莱特", Script.HAN);
        assertThat(l.units()).isEqualTo(4);
        assertThat(ReadingLattice.of("SMITH", Script.LATIN)).isNull();
        TokenKey joined = NameParser.joined(NameParser.parse("约翰·史密斯"));
        assertThat(joined.lattice().units()).isEqualTo(5);
        assertThat(ReadingLattice.of("阿".repeat(500), Script.HAN).units()).isEqualTo(Variants.MAX_TOKEN_LENGTH);
        assertThat(ReadingLattice.concat(List.of(l, l)).units()).isEqualTo(8);
        byte[] empty = new byte[0];
        assertThat(l.similarity(EditCosts.uniform("u").cost(), empty, 0, 0)).isZero();
    }

    @Test
    void anAlignmentThatCannotBeatTheBestVariantIsAbandonedAndOneThatCanIsExact() {
        ReadingLattice l = ReadingLattice.of("比耶勒高", Script.HAN);
        float[][] c = EditCosts.uniform("u").cost();
        byte[] near = "bjerregaard".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] far = "johnson".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        double full = l.similarity(c, near, 0, near.length);
        assertThat(l.similarityAbove(c, near, 0, near.length, full - 0.01)).isEqualTo(full);
        assertThat(l.similarityAbove(c, far, 0, far.length, 0.9)).as("given up early").isZero();
    }
}

package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostileInputTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final String[] HOSTILE = {"", "   ", "\t\n", "<<<", "-'.,;", null, "😀🙂", "a\u0301\u0302\u0303",
            "Ivan Иван 伊万 إيفان", "\u200b\u200d", "x".repeat(10_000), "أ".repeat(10_000), "ﷺ", "\uD800",
            "์์่่ๆฯ", "เเเเ", "ไ", "ก์", "ร".repeat(300), "เ".repeat(300) + "ก", "ั้ิ"};

    @Test
    void hostileInputNeverThrowsAndNeverMatchesNothingToNothing() {
        for (String a : HOSTILE) {
            for (String b : HOSTILE) {
                NameScore s = MATCHER.score(a, b);
                assertThat(s.score()).isBetween(0.0, 1.0);
                assertThat(s.explanation()).isNotBlank();
            }
            assertThat(MrzNames.toMrz(a)).matches("[A-Z<]*");
            assertThat(MATCHER.blockingKeys(MATCHER.key(a))).isNotNull();
        }
        assertThat(MATCHER.score("", "").match()).as("two empty names are not a watch-list hit").isFalse();
    }

    @Test
    void tenThousandCharacterNameIsTruncatedAndKeyedQuickly() {
        NameKey k = MATCHER.key("ab".repeat(5_000));
        assertThat(k.name()).hasSizeLessThanOrEqualTo(NameParser.MAX_INPUT);
        assertThat(k.tokens()[0].packed().length).isLessThanOrEqualTo(Variants.MAX * (Variants.MAX_TOKEN_LENGTH + 1));
    }

    @Test
    void combiningMarksAreNormalisedBeforeMatching() {
        assertThat(MATCHER.score("Mu\u0308ller", "MUELLER").match()).isTrue();
    }
}

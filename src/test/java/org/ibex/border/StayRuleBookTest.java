package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The most specific rule wins: exact, then permit type, then nationality, then catch-all, then default. */
class StayRuleBookTest {

    private static final StayRule EXACT = StayRule.fixedPerEntry(365);
    private static final StayRule ANY_NATIONALITY_WORK = StayRule.fixedPerEntry(180);
    private static final StayRule US_ANY_PERMIT = StayRule.rolling(90, 180);
    private static final StayRule CATCH_ALL = StayRule.fixedPerEntry(30);
    private static final StayRule DEFAULT = StayRule.fixedPerEntry(15);

    private final StayRuleBook book = new StayRuleBook(Map.of(
            new StayRuleKey("USA", "WORK"), EXACT,
            new StayRuleKey(null, "WORK"), ANY_NATIONALITY_WORK,
            new StayRuleKey("USA", null), US_ANY_PERMIT,
            StayRuleKey.any(), CATCH_ALL), DEFAULT);

    @Test
    void anExactMatchWins() {
        assertThat(book.resolve("USA", "WORK")).isSameAs(EXACT);
    }

    @Test
    void aPermitTypeRuleOutranksANationalityRule() {
        StayRuleBook withoutExact = new StayRuleBook(Map.of(
                new StayRuleKey(null, "WORK"), ANY_NATIONALITY_WORK,
                new StayRuleKey("USA", null), US_ANY_PERMIT), DEFAULT);

        assertThat(book.resolve("CAN", "WORK")).isSameAs(ANY_NATIONALITY_WORK);
        assertThat(withoutExact.resolve("USA", "WORK")).isSameAs(ANY_NATIONALITY_WORK);
    }

    @Test
    void aNationalityRuleAppliesToAnyOtherPermitType() {
        assertThat(book.resolve("USA", "TOURIST")).isSameAs(US_ANY_PERMIT);
        assertThat(book.resolve("USA", null)).isSameAs(US_ANY_PERMIT);
    }

    @Test
    void theCatchAllRuleAppliesWhenNothingMoreSpecificMatches() {
        assertThat(book.resolve("CAN", "TOURIST")).isSameAs(CATCH_ALL);
        assertThat(book.resolve(null, null)).isSameAs(CATCH_ALL);
    }

    @Test
    void theDefaultAppliesWhenNoKeyMatches() {
        StayRuleBook noCatchAll = new StayRuleBook(Map.of(new StayRuleKey("USA", null), US_ANY_PERMIT), DEFAULT);

        assertThat(noCatchAll.resolve("CAN", "TOURIST")).isSameAs(DEFAULT);
        assertThat(noCatchAll.defaultRule()).isSameAs(DEFAULT);
    }

    @Test
    void theBookIsACopyThatCannotBeChanged() {
        Map<StayRuleKey, StayRule> source = new HashMap<>(Map.of(new StayRuleKey("USA", null), US_ANY_PERMIT));
        StayRuleBook copied = new StayRuleBook(source, DEFAULT);

        source.put(StayRuleKey.any(), CATCH_ALL);

        assertThat(copied.resolve("CAN", null)).as("later changes to the source map do not leak in").isSameAs(DEFAULT);
        assertThat(copied.rules()).containsOnlyKeys(new StayRuleKey("USA", null));
        assertThatThrownBy(() -> copied.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

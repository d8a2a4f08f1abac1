package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Stay rules reject nonsense with a message naming the field and the rule, and describe themselves. */
class StayRuleTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
    private static final LocalDate JUN_30 = LocalDate.parse("2026-06-30");

    @Test
    void aWindowShorterThanTheDaysAllowedIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.rolling(90, 60))
                .withMessage("windowDays must be >= days (90 > 60)");
    }

    @Test
    void daysMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.rolling(0, 180))
                .withMessage("days must be >= 1 (0)");
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.fixedPerEntry(-3))
                .withMessage("days must be >= 1 (-3)");
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.visa(JAN_1, JUN_30, 1, 0))
                .withMessage("durationDays must be >= 1 (0)");
    }

    @Test
    void aVisaNeedsAValidityPeriodThatDoesNotEndBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.visa(null, JUN_30, 1, 30))
                .withMessage("validFrom and validUntil are required for a VISA rule (null..2026-06-30)");
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.visa(JUN_30, JAN_1, 1, 30))
                .withMessage("validUntil must not be before validFrom (2026-06-30 > 2026-01-01)");
    }

    @Test
    void aVisaAllowsAtLeastOneEntryOrNullForMultiple() {
        assertThatIllegalArgumentException().isThrownBy(() -> StayRule.visa(JAN_1, JUN_30, 0, 30))
                .withMessage("entriesAllowed must be >= 1, or null for multiple entries (0)");
    }

    @Test
    void fieldsOfOtherKindsAreRejectedRatherThanSilentlyIgnored() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StayRule(StayRule.Kind.ROLLING, 90, 180, JAN_1, null, null))
                .withMessage("validFrom, validUntil and entriesAllowed apply only to VISA rules, not ROLLING");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StayRule(StayRule.Kind.FIXED_PER_ENTRY, 30, 180, null, null, null))
                .withMessage("windowDays applies only to ROLLING rules, not FIXED_PER_ENTRY (180)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StayRule(StayRule.Kind.EXEMPT, 5, 0, null, null, null))
                .withMessage("days must be 0 for EXEMPT rules (5)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StayRule(null, 5, 0, null, null, null))
                .withMessage("kind must not be null");
    }

    @Test
    void eachRuleDescribesItselfAsAnOfficerReadsIt() {
        assertThat(StayRule.rolling(90, 180).describe()).isEqualTo("90 days in any 180");
        assertThat(StayRule.fixedPerEntry(30).describe()).isEqualTo("30 days per entry");
        assertThat(StayRule.visa(JAN_1, JUN_30, 2, 30).describe())
                .isEqualTo("visa 2026-01-01..2026-06-30, 2 entries, 30 days");
        assertThat(StayRule.visa(JAN_1, JUN_30, 1, 1).describe())
                .isEqualTo("visa 2026-01-01..2026-06-30, 1 entry, 1 day");
        assertThat(StayRule.visa(JAN_1, JUN_30, null, 90).describe())
                .isEqualTo("visa 2026-01-01..2026-06-30, multiple entries, 90 days");
        assertThat(StayRule.exempt().describe()).isEqualTo("exempt");
    }

    @Test
    void theFactoriesFillTheRecordAsDocumented() {
        StayRule visa = StayRule.visa(JAN_1, JUN_30, 2, 30);

        assertThat(visa).isEqualTo(new StayRule(StayRule.Kind.VISA, 30, 0, JAN_1, JUN_30, 2));
        assertThat(StayRule.rolling(90, 180)).isEqualTo(new StayRule(StayRule.Kind.ROLLING, 90, 180, null, null, null));
    }
}

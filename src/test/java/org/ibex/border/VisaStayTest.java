package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.border.Movement.entry;
import static org.ibex.border.Movement.exit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A visa's validity period, entry count and total duration of stay. */
class VisaStayTest {

    private static final StayRule TWO_ENTRIES_30_DAYS =
            StayRule.visa(day("2026-01-01"), day("2026-06-30"), 2, 30);
    private final StayCalculator calculator = new StayCalculator();

    @Test
    void presenceBeforeTheVisaIsValidIsAnOverstayFromTheEntryDay() {
        StayStatus status = calculator.status(List.of(entry(day("2025-12-28"))), TWO_ENTRIES_30_DAYS,
                day("2025-12-30"));

        assertThat(status.overstayer()).isTrue();
        assertThat(status.stayEndsOn()).as("the entry authorised no day").isEqualTo(day("2025-12-27"));
        assertThat(status.overstayDays()).isEqualTo(3);
        assertThat(status.entriesUsed()).as("only entries within validity count").isZero();
        assertThat(status.daysUsed()).isZero();
    }

    @Test
    void presenceAfterTheVisaExpiresIsAnOverstay() {
        StayStatus status = calculator.status(List.of(entry(day("2026-06-25"))), TWO_ENTRIES_30_DAYS,
                day("2026-07-02"));

        assertThat(status.stayEndsOn()).as("validUntil comes before the 30 days are used").isEqualTo(day("2026-06-30"));
        assertThat(status.overstayer()).isTrue();
        assertThat(status.overstayDays()).isEqualTo(2);
        assertThat(status.daysUsed()).as("Jun 25..30, within validity").isEqualTo(6);
    }

    @Test
    void theDurationIsATotalAcrossEntries() {
        // Jan 10..29 uses 20 of the 30 days, leaving 10 for the second entry.
        List<Movement> movements = List.of(entry(day("2026-01-10")), exit(day("2026-01-29")), entry(day("2026-03-01")));

        StayStatus within = calculator.status(movements, TWO_ENTRIES_30_DAYS, day("2026-03-05"));
        StayStatus beyond = calculator.status(movements, TWO_ENTRIES_30_DAYS, day("2026-03-11"));

        assertThat(within.daysUsed()).isEqualTo(25);
        assertThat(within.stayEndsOn()).isEqualTo(day("2026-03-10"));
        assertThat(within.daysLeft()).isEqualTo(5);
        assertThat(within.entriesUsed()).isEqualTo(2);
        assertThat(within.overstayer()).isFalse();
        assertThat(beyond.overstayer()).isTrue();
        assertThat(beyond.overstayDays()).isEqualTo(1);
    }

    @Test
    void anEntryBeyondTheEntriesAllowedAuthorisesNoDay() {
        StayRule singleEntry = StayRule.visa(day("2026-01-01"), day("2026-06-30"), 1, 30);
        List<Movement> movements = List.of(entry(day("2026-01-10")), exit(day("2026-01-15")), entry(day("2026-02-01")));

        StayStatus status = calculator.status(movements, singleEntry, day("2026-02-03"));

        assertThat(status.entriesUsed()).isEqualTo(2);
        assertThat(status.overstayer()).isTrue();
        assertThat(status.stayEndsOn()).isEqualTo(day("2026-01-31"));
        assertThat(status.overstayDays()).isEqualTo(3);
    }

    @Test
    void anAbsentHolderCanStayTheDurationLeftOrUntilTheVisaExpiresWhicheverIsSooner() {
        List<Movement> movements = List.of(entry(day("2026-01-10")), exit(day("2026-01-29")));

        StayStatus early = calculator.status(movements, TWO_ENTRIES_30_DAYS, day("2026-03-01"));
        StayStatus late = calculator.status(movements, TWO_ENTRIES_30_DAYS, day("2026-06-25"));

        assertThat(early.daysLeft()).as("10 of 30 days left").isEqualTo(10);
        assertThat(late.daysLeft()).as("Jun 25..30").isEqualTo(6);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}

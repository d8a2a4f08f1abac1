package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.border.Movement.entry;
import static org.ibex.border.Movement.exit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gaps in the record are filled in conservatively and reported for an officer to review. */
class MissingMovementsTest {

    private static final StayRule NINETY_IN_180 = StayRule.rolling(90, 180);
    private final StayCalculator calculator = new StayCalculator();

    @Test
    void twoEntriesInARowCountPresenceUntilTheDayBeforeTheSecondEntry() {
        List<Movement> movements = List.of(entry(day("2026-01-03")), entry(day("2026-03-01")), exit(day("2026-03-05")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-03-10"));

        assertThat(status.daysUsed()).as("Jan 3..31 (29) + Feb (28) + Mar 1..5 (5)").isEqualTo(62);
        assertThat(status.present()).isFalse();
        assertThat(status.entriesUsed()).isEqualTo(2);
        assertThat(status.anomalies()).containsExactly("missing exit between entry 2026-01-03 and entry 2026-03-01:"
                + " counted as present until 2026-02-28 (worst case)");
    }

    @Test
    void anExitWithoutARecordedEntryCountsOnlyItsOwnDay() {
        StayStatus status = calculator.status(List.of(exit(day("2026-05-02"))), NINETY_IN_180, day("2026-05-10"));

        assertThat(status.daysUsed()).isEqualTo(1);
        assertThat(status.present()).isFalse();
        assertThat(status.entriesUsed()).isZero();
        assertThat(status.anomalies())
                .containsExactly("exit 2026-05-02 without a recorded entry: counted as one day");
    }

    @Test
    void aPersonWhoseExitWasNeverRecordedIsStillCountedPresent() {
        StayStatus status = calculator.status(List.of(entry(day("2026-01-01"))), NINETY_IN_180, day("2026-04-10"));

        assertThat(status.present()).isTrue();
        assertThat(status.overstayer()).isTrue();
        assertThat(status.overstayDays()).as("Apr 1..10 beyond the 90th day, Mar 31").isEqualTo(10);
    }

    @Test
    void aDuplicateEntryOnTheSameDayCountsOnce() {
        List<Movement> movements = List.of(entry(day("2026-02-01")), entry(day("2026-02-01")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-02-10"));

        assertThat(status.entriesUsed()).isEqualTo(1);
        assertThat(status.daysUsed()).isEqualTo(10);
        assertThat(status.anomalies()).containsExactly("duplicate entry 2026-02-01: counted once");
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}

package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.border.Movement.entry;
import static org.ibex.border.Movement.exit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fixed number of days per entry, the entry day being day 1. */
class FixedStayTest {

    private static final StayRule THIRTY_PER_ENTRY = StayRule.fixedPerEntry(30);
    private final StayCalculator calculator = new StayCalculator();

    @Test
    void theStayEndsOnEntryPlusDaysMinusOne() {
        StayStatus status = calculator.status(List.of(entry(day("2026-01-01"))), THIRTY_PER_ENTRY, day("2026-01-30"));

        assertThat(status.stayEndsOn()).isEqualTo(day("2026-01-30"));
        assertThat(status.daysUsed()).isEqualTo(30);
        assertThat(status.daysLeft()).isZero();
        assertThat(status.overstayer()).isFalse();
    }

    @Test
    void theDayAfterTheStayEndsMakesAnOverstayer() {
        StayStatus status = calculator.status(List.of(entry(day("2026-01-01"))), THIRTY_PER_ENTRY, day("2026-01-31"));

        assertThat(status.overstayer()).isTrue();
        assertThat(status.overstayDays()).isEqualTo(1);
        assertThat(status.daysLeft()).isZero();
    }

    @Test
    void earlierStaysDoNotShortenANewOne() {
        List<Movement> movements = List.of(entry(day("2026-01-01")), exit(day("2026-01-30")), entry(day("2026-02-01")));

        StayStatus status = calculator.status(movements, THIRTY_PER_ENTRY, day("2026-02-05"));

        assertThat(status.stayEndsOn()).isEqualTo(day("2026-03-02"));
        assertThat(status.daysUsed()).as("days of the current stay only").isEqualTo(5);
        assertThat(status.daysLeft()).isEqualTo(25);
        assertThat(status.entriesUsed()).isEqualTo(2);
    }

    @Test
    void anAbsentPersonCouldStayTheFullNumberOfDays() {
        List<Movement> movements = List.of(entry(day("2026-01-01")), exit(day("2026-01-30")));

        StayStatus status = calculator.status(movements, THIRTY_PER_ENTRY, day("2026-02-05"));

        assertThat(status.present()).isFalse();
        assertThat(status.daysUsed()).isZero();
        assertThat(status.daysLeft()).isEqualTo(30);
        assertThat(status.stayEndsOn()).isNull();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}

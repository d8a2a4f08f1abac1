package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.border.Movement.entry;
import static org.ibex.border.Movement.exit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nationals and exempt nationalities have no limit; days are shown for information. */
class ExemptStayTest {

    private final StayCalculator calculator = new StayCalculator();

    @Test
    void anExemptPersonIsNeverAnOverstayerHoweverLongTheyStay() {
        StayStatus status = calculator.status(List.of(entry(LocalDate.parse("2020-01-01"))), StayRule.exempt(),
                LocalDate.parse("2026-01-01"));

        assertThat(status.exempt()).isTrue();
        assertThat(status.present()).isTrue();
        assertThat(status.daysUsed()).as("2 leap years * 366 + 4 * 365 + the entry day").isEqualTo(2193);
        assertThat(status.overstayer()).isFalse();
        assertThat(status.overstayDays()).isZero();
        assertThat(status.daysLeft()).isNull();
        assertThat(status.stayEndsOn()).isNull();
    }

    @Test
    void anAbsentExemptPersonHasNoDaysUsedAndNoLimit() {
        List<Movement> movements = List.of(entry(LocalDate.parse("2026-01-01")), exit(LocalDate.parse("2026-01-05")));

        StayStatus status = calculator.status(movements, StayRule.exempt(), LocalDate.parse("2026-02-01"));

        assertThat(status.exempt()).isTrue();
        assertThat(status.daysUsed()).isZero();
        assertThat(status.daysLeft()).isNull();
        assertThat(status.entriesUsed()).isEqualTo(1);
    }
}

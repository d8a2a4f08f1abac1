package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.border.Movement.entry;
import static org.ibex.border.Movement.exit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 90 days in any 180, counted the way the EU Entry/Exit System counts them. */
class RollingStayTest {

    private static final StayRule NINETY_IN_180 = StayRule.rolling(90, 180);
    private final StayCalculator calculator = new StayCalculator();

    @Test
    void aNinetyDayStayEndsExactlyAtTheLimitWithoutOverstaying() {
        StayStatus status = calculator.status(List.of(entry(day("2026-01-01"))), NINETY_IN_180, day("2026-03-31"));

        assertThat(status.present()).isTrue();
        assertThat(status.currentEntry()).isEqualTo(day("2026-01-01"));
        assertThat(status.daysUsed()).as("Jan 31 + Feb 28 + Mar 31, entry day included").isEqualTo(90);
        assertThat(status.stayEndsOn()).isEqualTo(day("2026-03-31"));
        assertThat(status.daysLeft()).isZero();
        assertThat(status.overstayer()).as("90 days are allowed, not exceeded").isFalse();
        assertThat(status.overstayDays()).isZero();
        assertThat(status.entriesUsed()).isEqualTo(1);
        assertThat(status.exempt()).isFalse();
    }

    @Test
    void theNinetyFirstDayMakesAnOverstayerByOneDay() {
        StayStatus status = calculator.status(List.of(entry(day("2026-01-01"))), NINETY_IN_180, day("2026-04-01"));

        assertThat(status.daysUsed()).isEqualTo(91);
        assertThat(status.stayEndsOn()).isEqualTo(day("2026-03-31"));
        assertThat(status.overstayer()).isTrue();
        assertThat(status.overstayDays()).isEqualTo(1);
        assertThat(status.daysLeft()).as("never negative").isZero();
    }

    @Test
    void staysOnBothSidesOfTheYearBoundaryAddUp() {
        // 2025-11-10..2025-12-20 is 21 + 20 = 41 days; 2026-01-15..2026-02-28 is 17 + 28 = 45 days.
        List<Movement> movements = List.of(entry(day("2025-11-10")), exit(day("2025-12-20")), entry(day("2026-01-15")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-02-28"));

        assertThat(status.daysUsed()).as("41 + 45, all inside the window starting 2025-09-02").isEqualTo(86);
        assertThat(status.stayEndsOn()).as("days 87..90 are Mar 1..4").isEqualTo(day("2026-03-04"));
        assertThat(status.daysLeft()).isEqualTo(4);
        assertThat(status.entriesUsed()).isEqualTo(2);
        assertThat(status.overstayer()).isFalse();
    }

    @Test
    void anAbsentPersonIsToldHowLongTheyCouldStayIfTheyEnteredToday() {
        List<Movement> movements = List.of(entry(day("2025-11-10")), exit(day("2025-12-20")),
                entry(day("2026-01-15")), exit(day("2026-02-28")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-03-10"));

        assertThat(status.present()).isFalse();
        assertThat(status.currentEntry()).isNull();
        assertThat(status.stayEndsOn()).isNull();
        assertThat(status.daysUsed()).as("the window ending Mar 10 starts Sep 12, so nothing has left it").isEqualTo(86);
        assertThat(status.daysLeft()).as("entering Mar 10 they could stay Mar 10..13").isEqualTo(4);
        assertThat(status.overstayer()).isFalse();
    }

    @Test
    void daysLeavingTheWindowMakeRoomAgain() {
        // 2025-10-16..2026-01-13 is 16 + 30 + 31 + 13 = 90 days.
        List<Movement> movements = List.of(entry(day("2025-10-16")), exit(day("2026-01-13")));

        StayStatus exhausted = calculator.status(movements, NINETY_IN_180, day("2026-04-13"));
        StayStatus roomAgain = calculator.status(movements, NINETY_IN_180, day("2026-04-14"));

        assertThat(exhausted.daysUsed()).as("the window ending Apr 13 starts on Oct 16").isEqualTo(90);
        assertThat(exhausted.daysLeft()).isZero();
        assertThat(roomAgain.daysUsed()).as("Oct 16 has left the window").isEqualTo(89);
        assertThat(roomAgain.daysLeft())
                .as("each day entered replaces one leaving the window until Jan 13 leaves on Jul 12")
                .isEqualTo(90);
    }

    @Test
    void entryAndExitOnTheSameDayCountOneDayWhateverTheirOrderInTheList() {
        List<Movement> movements = List.of(exit(day("2026-03-01")), entry(day("2026-03-01")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-03-05"));

        assertThat(status.present()).isFalse();
        assertThat(status.daysUsed()).isEqualTo(1);
        assertThat(status.entriesUsed()).isEqualTo(1);
        assertThat(status.anomalies()).isEmpty();
    }

    @Test
    void exitAndReEntryOnTheSameDayCountThatDayOnceAndLeaveThePersonPresent() {
        List<Movement> movements = List.of(entry(day("2026-03-01")), entry(day("2026-03-10")), exit(day("2026-03-10")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-03-20"));

        assertThat(status.present()).isTrue();
        assertThat(status.currentEntry()).isEqualTo(day("2026-03-10"));
        assertThat(status.daysUsed()).as("Mar 1..20 with Mar 10 counted once").isEqualTo(20);
        assertThat(status.entriesUsed()).isEqualTo(2);
        assertThat(status.anomalies()).as("a person already inside leaves before re-entering").isEmpty();
    }

    @Test
    void movementsAfterTheDayInQuestionAreIgnored() {
        List<Movement> movements = List.of(entry(day("2026-05-01")), entry(day("2026-01-01")), exit(day("2026-01-10")));

        StayStatus status = calculator.status(movements, NINETY_IN_180, day("2026-02-01"));

        assertThat(status.present()).isFalse();
        assertThat(status.daysUsed()).isEqualTo(10);
        assertThat(status.entriesUsed()).isEqualTo(1);
    }

    @Test
    void aWindowAsLongAsTheLimitCanNeverBeExceeded() {
        StayStatus status = calculator.status(List.of(entry(day("2025-01-01"))), StayRule.rolling(180, 180),
                day("2026-01-01"));

        assertThat(status.daysUsed()).isEqualTo(180);
        assertThat(status.overstayer()).isFalse();
        assertThat(status.daysLeft()).as("no limit").isNull();
        assertThat(status.stayEndsOn()).isNull();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}

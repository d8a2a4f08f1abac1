package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.border.Movement.entry;
import static org.ibex.border.Movement.exit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a new entry is within the rule, with the reason the officer reads. */
class EntryCheckTest {

    private static final StayRule NINETY_IN_180 = StayRule.rolling(90, 180);
    private static final StayRule TWO_ENTRIES_30_DAYS = StayRule.visa(day("2026-01-01"), day("2026-06-30"), 2, 30);
    private final StayCalculator calculator = new StayCalculator();

    @Test
    void anExemptPersonMayAlwaysEnter() {
        EntryCheck check = calculator.checkEntry(List.of(), StayRule.exempt(), day("2026-01-01"));

        assertThat(check).isEqualTo(new EntryCheck(true, "exempt: no stay limit", EntryCheck.UNLIMITED));
    }

    @Test
    void aFixedStayEntryIsAllowedWithItsEndDate() {
        EntryCheck check = calculator.checkEntry(List.of(), StayRule.fixedPerEntry(30), day("2026-01-01"));

        assertThat(check).isEqualTo(new EntryCheck(true, "30 days per entry: stay authorised until 2026-01-30", 30));
    }

    @Test
    void anExhaustedRollingAllowanceIsRefusedWithTheNextDayAvailable() {
        // Oct 16..Jan 13 is 90 days; Oct 16 leaves the window ending Apr 14.
        List<Movement> history = List.of(entry(day("2025-10-16")), exit(day("2026-01-13")));

        EntryCheck check = calculator.checkEntry(history, NINETY_IN_180, day("2026-03-31"));

        assertThat(check).isEqualTo(new EntryCheck(false, "90/180 exhausted: 90 days used in the 180 days ending"
                + " 2026-03-31; next day available 2026-04-14", 0));
    }

    @Test
    void theNextDayAvailableIsIndeedAllowed() {
        List<Movement> history = List.of(entry(day("2025-10-16")), exit(day("2026-01-13")));

        EntryCheck check = calculator.checkEntry(history, NINETY_IN_180, day("2026-04-14"));

        assertThat(check).isEqualTo(new EntryCheck(true, "90/180: 89 days used in the 180 days ending 2026-04-14;"
                + " 90 days available, until 2026-07-12", 90));
    }

    @Test
    void aPartlyUsedRollingAllowanceSaysHowManyDaysRemain() {
        List<Movement> history = List.of(entry(day("2025-11-10")), exit(day("2025-12-20")),
                entry(day("2026-01-15")), exit(day("2026-02-28")));

        EntryCheck check = calculator.checkEntry(history, NINETY_IN_180, day("2026-03-10"));

        assertThat(check).isEqualTo(new EntryCheck(true, "90/180: 86 days used in the 180 days ending 2026-03-10;"
                + " 4 days available, until 2026-03-13", 4));
    }

    @Test
    void aPersonStillRecordedAsPresentIsCountedPresentUntilTheDayBefore() {
        EntryCheck check = calculator.checkEntry(List.of(entry(day("2026-01-01"))), NINETY_IN_180, day("2026-03-01"));

        assertThat(check.allowed()).isTrue();
        assertThat(check.reason()).as("Jan 1..Feb 28 counted as present")
                .isEqualTo("90/180: 59 days used in the 180 days ending 2026-03-01; 31 days available, until 2026-03-31");
    }

    @Test
    void aVisaRefusesEntryOutsideItsValidity() {
        EntryCheck check = calculator.checkEntry(List.of(), TWO_ENTRIES_30_DAYS, day("2026-07-01"));

        assertThat(check).isEqualTo(
                new EntryCheck(false, "visa not valid on 2026-07-01 (valid 2026-01-01..2026-06-30)", 0));
    }

    @Test
    void aSingleEntryVisaRefusesASecondEntry() {
        StayRule singleEntry = StayRule.visa(day("2026-01-01"), day("2026-06-30"), 1, 30);
        List<Movement> history = List.of(entry(day("2026-01-10")), exit(day("2026-01-15")));

        EntryCheck check = calculator.checkEntry(history, singleEntry, day("2026-02-01"));

        assertThat(check).isEqualTo(new EntryCheck(false, "visa entries exhausted: 1 of 1 entry used", 0));
    }

    @Test
    void aVisaRefusesEntryOnceItsDurationIsUsedUp() {
        StayRule multipleEntry = StayRule.visa(day("2026-01-01"), day("2026-06-30"), null, 30);
        List<Movement> history = List.of(entry(day("2026-01-01")), exit(day("2026-01-30")));

        EntryCheck check = calculator.checkEntry(history, multipleEntry, day("2026-03-01"));

        assertThat(check).isEqualTo(
                new EntryCheck(false, "visa duration exhausted: 30 of 30 days used within validity", 0));
    }

    @Test
    void aVisaAllowsASecondEntryForTheDaysLeft() {
        List<Movement> history = List.of(entry(day("2026-01-10")), exit(day("2026-01-29")));

        EntryCheck check = calculator.checkEntry(history, TWO_ENTRIES_30_DAYS, day("2026-03-01"));

        assertThat(check).isEqualTo(new EntryCheck(true, "visa 2026-01-01..2026-06-30: entry 2 of 2,"
                + " 10 of 30 days left; stay authorised until 2026-03-10", 10));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}

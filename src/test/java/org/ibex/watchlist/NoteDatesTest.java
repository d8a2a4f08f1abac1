package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Birth dates the UN writes only in a NOTE, in the forms the real list uses. */
class NoteDatesTest {
    private static final LocalDate LISTED = LocalDate.of(2018, 6, 7);

    @Test
    void readsAMonthAndYear() {
        assertThat(NoteDates.read("Nov. 1973", null, LISTED)).hasToString("[1973-11]");
        assertThat(NoteDates.read("August 1961", null, LISTED)).hasToString("[1961-08]");
    }

    @Test
    void readsADayMonthAndYearAndABornPhrase() {
        assertThat(NoteDates.read("born 1 Jan. 1953", null, LISTED)).hasToString("[1953-01-01]");
        assertThat(NoteDates.read("born 1955", null, LISTED)).hasToString("[1955]");
        assertThat(NoteDates.read("1955 or 1956", null, LISTED)).hasToString("[1955, 1956]");
    }

    @Test
    void keepsOnlyTheYearWhenTheNoteGivesTwoMonths() {
        assertThat(NoteDates.read("Between Aug. and Sep. 1977", null, LISTED)).hasToString("[1977]");
    }

    @Test
    void completesAYearWithTheMonthItsNoteNames() {
        assertThat(NoteDates.read("Sep.", 1958, LISTED)).hasToString("[1958-09]");
    }

    @Test
    void convertsAHijriDate() {
        assertThat(NoteDates.read("24/06/1402 (Hijri Calendar)", null, LISTED)).hasToString("[1982-04-19]");
    }

    @Test
    void turnsAnAgeAtListingIntoARangeOfYears() {
        assertThat(NoteDates.read("29 years old", null, LISTED)).hasToString("[1988..1989]");
        assertThat(NoteDates.read("30-35 years old", null, LISTED)).hasToString("[1982..1988]");
        assertThat(NoteDates.read("29 years old", null, null)).as("no listing date to count from").isEmpty();
    }

    @Test
    void givesNothingForANoteWithoutADate() {
        assertThat(NoteDates.read("from false passport", null, LISTED)).isEmpty();
        assertThat(NoteDates.read("Approximately", null, LISTED)).isEmpty();
        assertThat(NoteDates.read("the married name", null, LISTED)).as("'mar' inside a word is no month").isEmpty();
        assertThat(NoteDates.read(null, null, LISTED)).isEmpty();
    }
}

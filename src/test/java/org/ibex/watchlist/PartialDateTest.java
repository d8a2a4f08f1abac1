package org.ibex.watchlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.watchlist.PartialDate.Compatibility.*;

class PartialDateTest {
    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "1970|1970", "1970-05|1970-05", "1970-5|1970-05", "1970-05-17|1970-05-17", "17.05.1970|1970-05-17",
            "7/5/1970|1970-05-07", "circa 1970|1970", "c. 1970|1970", "ca. 1970|1970", "Approximately 1970|1970",
            "approx. 1970-05|1970-05", "1968-1972|1968..1972", "1968 to 1972|1968..1972", "1968..1972|1968..1972",
            "between 1968 and 1972|1968..1972", "1970 to 1970|1970", "  1970-05-17  |1970-05-17"})
    void readsTheFormsListsUse(String text, String expected) {
        assertThat(PartialDate.parse(text)).hasToString(expected);
    }

    @Test
    void keepsThePartsSeparately() {
        assertThat(PartialDate.parse("17.05.1970")).isEqualTo(new PartialDate(1970, 5, 17, null));
        assertThat(PartialDate.parse("1968 to 1972")).isEqualTo(new PartialDate(1968, null, null, 1972));
        assertThat(PartialDate.parse("circa 1970")).isEqualTo(new PartialDate(1970, null, null, null));
    }

    @Test
    void readsBackWhatItWrites() {
        for (String text : new String[] {"1970", "1970-05", "1970-05-17", "1968..1972", "1000..1001"}) {
            PartialDate date = PartialDate.parse(text);
            assertThat(PartialDate.parse(date.toString())).isEqualTo(date);
        }
    }

    @Test
    void givesNullForBlank() {
        assertThat(PartialDate.parse(null)).isNull();
        assertThat(PartialDate.parse("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"the seventies", "70", "1970/05/17", "17.05/1970", "May 1970", "1970-05-17T00:00", "1970s"})
    void rejectsOtherFormsNamingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("yyyy, yyyy-MM, yyyy-MM-dd, dd.MM.yyyy, dd/MM/yyyy, circa yyyy");
    }

    @Test
    void rejectsDatesThatDoNotExist() {
        assertThatThrownBy(() -> PartialDate.parse("31.02.1970")).hasMessageContaining("day 31 is outside 1..28");
        assertThatThrownBy(() -> PartialDate.parse("1970-13")).hasMessageContaining("month 13 is outside 1..12");
        assertThat(PartialDate.parse("29.02.2000")).as("2000 was a leap year").hasToString("2000-02-29");
    }

    @Test
    void rejectsARangeRunningBackwards() {
        assertThatThrownBy(() -> PartialDate.parse("1972-1968")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("1972..1968");
    }

    @Test
    void rejectsADayWithoutAMonthAndARangeWithAMonth() {
        assertThatThrownBy(() -> new PartialDate(1970, null, 5, null)).hasMessageContaining("without a month");
        assertThatThrownBy(() -> new PartialDate(1970, 5, null, 1972)).hasMessageContaining("without month or day");
        assertThatThrownBy(() -> new PartialDate(null, 5, 1, null)).hasMessageContaining("at least a year");
    }

    @Test
    void aFullDateEqualToTheBirthDateIsExact() {
        assertThat(PartialDate.parse("1970-05-17").compareTo(LocalDate.of(1970, 5, 17))).isEqualTo(EXACT);
    }

    @Test
    void aPartialDateWhoseGivenPartsAllFitIsAPartialMatch() {
        LocalDate birth = LocalDate.of(1970, 5, 17);
        assertThat(PartialDate.parse("1970").compareTo(birth)).isEqualTo(PARTIAL_MATCH);
        assertThat(PartialDate.parse("1970-05").compareTo(birth)).isEqualTo(PARTIAL_MATCH);
        assertThat(PartialDate.parse("1968..1972").compareTo(birth)).isEqualTo(PARTIAL_MATCH);
        assertThat(PartialDate.parse("1970..1972").compareTo(birth)).as("the range includes its ends")
                .isEqualTo(PARTIAL_MATCH);
    }

    @Test
    void oneMistypedDigitIsOneDigitOff() {
        LocalDate birth = LocalDate.of(1970, 5, 17);
        assertThat(PartialDate.parse("1970-05-18").compareTo(birth)).isEqualTo(ONE_DIGIT_OFF);
        assertThat(PartialDate.parse("1979-05-17").compareTo(birth)).isEqualTo(ONE_DIGIT_OFF);
        assertThat(PartialDate.parse("1970-08-17").compareTo(birth)).isEqualTo(ONE_DIGIT_OFF);
        assertThat(PartialDate.parse("1971").compareTo(birth)).isEqualTo(ONE_DIGIT_OFF);
        assertThat(PartialDate.parse("1970-06").compareTo(birth)).isEqualTo(ONE_DIGIT_OFF);
    }

    @Test
    void swappedDayAndMonthIsOneDigitOff() {
        assertThat(PartialDate.parse("1970-03-04").compareTo(LocalDate.of(1970, 4, 3))).isEqualTo(ONE_DIGIT_OFF);
    }

    @Test
    void anythingElseConflicts() {
        LocalDate birth = LocalDate.of(1970, 5, 17);
        assertThat(PartialDate.parse("1970-05-28").compareTo(birth)).as("two digits differ").isEqualTo(CONFLICT);
        assertThat(PartialDate.parse("1965").compareTo(birth)).isEqualTo(CONFLICT);
        assertThat(PartialDate.parse("1971..1975").compareTo(birth)).isEqualTo(CONFLICT);
        assertThat(PartialDate.parse("1971-05-17").compareTo(LocalDate.of(1970, 5, 17)))
                .as("one digit in the year").isEqualTo(ONE_DIGIT_OFF);
        assertThat(PartialDate.parse("1980-05-17").compareTo(LocalDate.of(1969, 5, 17))).isEqualTo(CONFLICT);
    }

    @Test
    void withoutABirthDateNothingIsKnown() {
        assertThat(PartialDate.parse("1970").compareTo(null)).isEqualTo(UNKNOWN);
    }
}

package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void weighsCharacterValuesSevenThreeOneModuloTen() {
        assertThat(CheckDigit.compute("L898902C3")).isEqualTo(6);
        assertThat(CheckDigit.compute("740812")).isEqualTo(2);
        assertThat(CheckDigit.compute("120415")).isEqualTo(9);
        assertThat(CheckDigit.compute("ZE184226B<<<<<")).isEqualTo(1);
    }

    @Test
    void valuesLettersFromTenAndFillersAsZero() {
        assertThat(CheckDigit.compute("A")).as("A=10, weight 7").isEqualTo(0);
        assertThat(CheckDigit.compute("<Z")).as("Z=35, weight 3").isEqualTo(5);
        assertThat(CheckDigit.compute("<<<<<<")).isEqualTo(0);
        assertThat(CheckDigit.compute("")).isEqualTo(0);
    }

    @Test
    void rejectsCharactersOutsideTheMrzSetNamingThem() {
        assertThatThrownBy(() -> CheckDigit.compute("AB c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("' ' at index 2");
    }
}

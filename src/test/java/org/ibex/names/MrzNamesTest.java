package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrzNamesTest {
    @Test
    void muellerHasTheExpandedAndTheShortVariant() {
        assertThat(MrzNames.toMrz("Müller")).isEqualTo("MUELLER");
        assertThat(MrzNames.variants("Müller")).containsExactly("MUELLER", "MULLER");
    }

    @Test
    void nordicAndGermanLettersFollowDoc9303() {
        assertThat(MrzNames.toMrz("Øresund")).isEqualTo("OERESUND");
        assertThat(MrzNames.toMrz("Strauß")).isEqualTo("STRAUSS");
        assertThat(MrzNames.toMrz("Ångström")).isEqualTo("AANGSTROEM");
        assertThat(MrzNames.toMrz("Þór")).isEqualTo("THOR");
    }

    @Test
    void spanishEnyeIsNOrNxx() {
        assertThat(MrzNames.variants("Muñoz")).containsExactly("MUNOZ", "MUNXXOZ");
    }

    @Test
    void cyrillicFollowsTheIcaoTable() {
        assertThat(MrzNames.toMrz("Иванов")).isEqualTo("IVANOV");
        assertThat(MrzNames.toMrz("Щукин")).isEqualTo("SHCHUKIN");
        assertThat(MrzNames.toMrz("Юлия Хрущёва")).isEqualTo("IULIIA<KHRUSHCHEVA");
    }

    @Test
    void arabicUsesTheReversibleDoc9303Table() {
        assertThat(MrzNames.toMrz("محمد")).isEqualTo("MXHMD");
        assertThat(MrzNames.toMrz("عبد الرحمن")).isEqualTo("EBD<ALRXHMN");
        assertThat(MrzNames.toMrz("فاطمة")).as("teh marbuta at the end of a name is XAH").isEqualTo("FAXTTMXAH");
    }

    @Test
    void separatorsBecomeFillersAndApostrophesVanish() {
        assertThat(MrzNames.toMrz("Eriksson, Anna-Maria")).isEqualTo("ERIKSSON<<ANNA<MARIA");
        assertThat(MrzNames.toMrz("O'Brien")).isEqualTo("OBRIEN");
    }
}

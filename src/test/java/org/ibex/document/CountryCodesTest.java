package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryCodesTest {

    @Test
    void knowsIso3166Alpha3Codes() {
        assertThat(CountryCodes.isKnown("DEU")).isTrue();
        assertThat(CountryCodes.isKnown("NLD")).isTrue();
        assertThat(CountryCodes.isKnown("SSD")).isTrue();
        assertThat(CountryCodes.isKnown("ZWE")).isTrue();
    }

    @Test
    void knowsTheCodesDoc9303AddsAndTheSpecimenStateUtopia() {
        for (String code : new String[] {"D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XBA", "XIM",
                "XCC", "XOM", "XPO", "XES", "XMP", "XDC", "XXA", "XXB", "XXC", "XXX", "EUE", "RKS", "UTO"}) {
            assertThat(CountryCodes.isKnown(code)).as(code).isTrue();
        }
    }

    @Test
    void holdsAll249IsoCodesPlusThe24IcaoAdditions() {
        assertThat(CountryCodes.size()).isEqualTo(249 + 24);
    }

    @Test
    void ignoresTrailingFillersSoGermanysPaddedCodeIsKnown() {
        assertThat(CountryCodes.isKnown("D<<")).isTrue();
        assertThat(CountryCodes.isKnown("UTO<")).isTrue();
    }

    @Test
    void rejectsUnknownWithdrawnAndMalformedCodes() {
        assertThat(CountryCodes.isKnown("ZZZ")).isFalse();
        assertThat(CountryCodes.isKnown("ANT")).as("Netherlands Antilles, withdrawn in 2010").isFalse();
        assertThat(CountryCodes.isKnown("deu")).isFalse();
        assertThat(CountryCodes.isKnown("<<<")).isFalse();
        assertThat(CountryCodes.isKnown("")).isFalse();
        assertThat(CountryCodes.isKnown(null)).isFalse();
    }
}

package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountryNamesTest {
    @Test
    void knowsTheEnglishNamesOfIsoCountries() {
        assertThat(CountryNames.alpha3FromName("Iraq")).isEqualTo("IRQ");
        assertThat(CountryNames.alpha3FromName("Afghanistan")).isEqualTo("AFG");
        assertThat(CountryNames.alpha3FromName("  germany ")).isEqualTo("DEU");
    }

    @Test
    void knowsTheNamesTheUnWritesDifferently() {
        assertThat(CountryNames.alpha3FromName("Democratic People's Republic of Korea")).isEqualTo("PRK");
        assertThat(CountryNames.alpha3FromName("Democratic People’s Republic of Korea")).as("typographic apostrophe")
                .isEqualTo("PRK");
        assertThat(CountryNames.alpha3FromName("Iran (Islamic Republic of)")).isEqualTo("IRN");
        assertThat(CountryNames.alpha3FromName("Syrian Arab Republic")).isEqualTo("SYR");
        assertThat(CountryNames.alpha3FromName("Russian Federation")).isEqualTo("RUS");
        assertThat(CountryNames.alpha3FromName("Democratic Republic of the Congo")).isEqualTo("COD");
        assertThat(CountryNames.alpha3FromName("Côte d'Ivoire")).isEqualTo("CIV");
        assertThat(CountryNames.alpha3FromName("the United Kingdom of Great Britain and Northern Ireland")).isEqualTo("GBR");
    }

    @Test
    void knowsTheFormsTheUnWritesForMemberStatesCldrSpellsWithAnAmpersandOrSt() {
        assertThat(CountryNames.alpha3FromName("Bosnia and Herzegovina")).isEqualTo("BIH");
        assertThat(CountryNames.alpha3FromName("Saint Lucia")).isEqualTo("LCA");
        assertThat(CountryNames.alpha3FromName("Sao Tome and Principe")).isEqualTo("STP");
        assertThat(CountryNames.alpha3FromName("United Republic of Tanzania")).isEqualTo("TZA");
        assertThat(CountryNames.alpha3FromName("Yemeni")).as("an adjective as a nationality").isEqualTo("YEM");
    }

    @Test
    void findsTheCountriesAPhraseNames() {
        assertThat(CountryNames.alpha3sIn("Iran / unknown")).containsExactly("IRN");
        assertThat(CountryNames.alpha3sIn("Sudan/South Sudan")).containsExactly("SDN", "SSD");
        assertThat(CountryNames.alpha3sIn("USSR (until 1991)")).isEmpty();
    }

    @Test
    void givesNullForANameNoTableKnows() {
        assertThat(CountryNames.alpha3FromName("Republic of Atlantis")).isNull();
        assertThat(CountryNames.alpha3FromName(null)).isNull();
    }

    @Test
    void mapsAlpha2CodesInAnyCase() {
        assertThat(CountryNames.alpha3FromAlpha2("ru")).isEqualTo("RUS");
        assertThat(CountryNames.alpha3FromAlpha2("UA")).isEqualTo("UKR");
        assertThat(CountryNames.alpha3FromAlpha2("suhh")).isNull();
        assertThat(CountryNames.alpha3FromAlpha2("zz")).isNull();
    }

    @Test
    void acceptsIcaoNationalityCodesBesideIsoOnes() {
        assertThat(CountryNames.isNationalityCode("DEU")).isTrue();
        assertThat(CountryNames.isNationalityCode("XXA")).as("stateless").isTrue();
        assertThat(CountryNames.isNationalityCode("ZZZ")).isFalse();
    }
}

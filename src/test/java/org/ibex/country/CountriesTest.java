package org.ibex.country;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one country table: every ISO 3166-1 alpha-3 code, the codes ICAO Doc 9303 adds, alpha-2 codes and the names
 * lists use, so that a code the MRZ accepts is one the watchlist and the exchange accept too.
 */
class CountriesTest {
    private static final List<String> ICAO_CODES = List.of("D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA",
            "UNK", "XBA", "XIM", "XCC", "XOM", "XPO", "XES", "XMP", "XDC", "XXA", "XXB", "XXC", "XXX", "EUE", "RKS", "UTO");

    /** The 193 UN member states as the UN's own lists write them (with the observer states below). */
    private static final List<String> UN_MEMBER_STATES = List.of(
            "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
            "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus",
            "Belgium", "Belize", "Benin", "Bhutan", "Bolivia (Plurinational State of)", "Bosnia and Herzegovina",
            "Botswana", "Brazil", "Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde",
            "Cambodia", "Cameroon", "Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia",
            "Comoros", "Congo", "Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czechia",
            "Democratic People's Republic of Korea", "Democratic Republic of the Congo", "Denmark", "Djibouti",
            "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
            "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany",
            "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras",
            "Hungary", "Iceland", "India", "Indonesia", "Iran (Islamic Republic of)", "Iraq", "Ireland", "Israel",
            "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan",
            "Lao People's Democratic Republic", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein",
            "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
            "Marshall Islands", "Mauritania", "Mauritius", "Mexico", "Micronesia (Federated States of)", "Monaco",
            "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal",
            "Netherlands (Kingdom of the)", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia",
            "Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
            "Poland", "Portugal", "Qatar", "Republic of Korea", "Republic of Moldova", "Romania",
            "Russian Federation", "Rwanda", "Saint Kitts and Nevis", "Saint Lucia",
            "Saint Vincent and the Grenadines", "Samoa", "San Marino", "Sao Tome and Principe", "Saudi Arabia",
            "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
            "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname",
            "Sweden", "Switzerland", "Syrian Arab Republic", "Tajikistan", "Thailand", "Timor-Leste", "Togo",
            "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
            "United Arab Emirates", "United Kingdom of Great Britain and Northern Ireland",
            "United Republic of Tanzania", "United States of America", "Uruguay", "Uzbekistan", "Vanuatu",
            "Venezuela (Bolivarian Republic of)", "Viet Nam", "Yemen", "Zambia", "Zimbabwe");

    @Test
    void holdsEveryIsoCodeTheJdkKnowsAndTheCodesIcaoAdds() {
        Set<String> iso = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        assertThat(iso).allMatch(Countries::isKnown);
        assertThat(ICAO_CODES).allMatch(Countries::isKnown);
        assertThat(Countries.size()).as("249 ISO codes and 24 of ICAO's").isEqualTo(249 + 24);
    }

    @Test
    void germanysIcaoCodeDNamesTheSameCountryAsDeu() {
        assertThat(Countries.of("D")).hasValueSatisfying(d -> {
            assertThat(d.iso()).isFalse();
            assertThat(d.country()).isEqualTo("DEU");
        });
        assertThat(Countries.sameCountry("D", "DEU")).as("a German passport against a list that writes DEU").isTrue();
        assertThat(Countries.sameCountry("DEU", "D")).isTrue();
        assertThat(Countries.sameCountry("D", "DNK")).isFalse();
        assertThat(Countries.sameCountry("XXA", "XXB")).as("stateless is not a refugee").isFalse();
        assertThat(Countries.sameCountry("ZZZ", "ZZZ")).as("unknown codes are the same only when equal").isTrue();
        assertThat(Countries.sameCountry(null, "DEU")).isFalse();
    }

    @Test
    void findsCodesByAlpha2InAnyCase() {
        assertThat(Countries.fromAlpha2("ru")).isEqualTo("RUS");
        assertThat(Countries.fromAlpha2(" DE ")).isEqualTo("DEU");
        assertThat(Countries.fromAlpha2("zz")).isNull();
        assertThat(Countries.fromAlpha2(null)).isNull();
    }

    @Test
    void findsCodesByTheNamesCldrAndTheUnUse() {
        assertThat(Countries.fromName("Germany")).as("the ISO row, not ICAO's D").isEqualTo("DEU");
        assertThat(Countries.fromName("Iran (Islamic Republic of)")).isEqualTo("IRN");
        assertThat(Countries.fromName("the United Kingdom of Great Britain and Northern Ireland")).isEqualTo("GBR");
        assertThat(Countries.fromName("Côte d’Ivoire")).isEqualTo("CIV");
        assertThat(Countries.fromName("Kosovo")).isEqualTo("RKS");
        assertThat(Countries.fromName("Utopia")).as("ICAO's specimen state").isEqualTo("UTO");
        assertThat(Countries.fromName("Republic of Atlantis")).isNull();
    }

    @Test
    void knowsEveryUnMemberStateByTheNameTheUnWrites() {
        assertThat(UN_MEMBER_STATES).hasSize(193);
        assertThat(UN_MEMBER_STATES).filteredOn(name -> Countries.fromName(name) == null).as("names no row knows")
                .isEmpty();
        assertThat(UN_MEMBER_STATES.stream().map(Countries::fromName).distinct()).as("one country each").hasSize(193);
        assertThat(Countries.fromName("Holy See")).isEqualTo("VAT");
        assertThat(Countries.fromName("State of Palestine")).isEqualTo("PSE");
    }

    @Test
    void readsTheSevenMemberStatesCldrWritesWithAnAmpersandOrSt() {
        // Before issue 15 these seven members' UN names found no row: their persons lost their nationality.
        assertThat(Countries.fromName("Bosnia and Herzegovina")).isEqualTo("BIH");
        assertThat(Countries.fromName("Saint Lucia")).isEqualTo("LCA");
        assertThat(Countries.fromName("Sao Tome and Principe")).isEqualTo("STP");
        assertThat(Countries.fromName("Trinidad and Tobago")).isEqualTo("TTO");
        assertThat(Countries.fromName("Antigua and Barbuda")).isEqualTo("ATG");
        assertThat(Countries.fromName("Saint Kitts and Nevis")).isEqualTo("KNA");
        assertThat(Countries.fromName("Saint Vincent and the Grenadines")).isEqualTo("VCT");
        assertThat(Countries.fromName("St Lucia")).as("CLDR's own form still reads").isEqualTo("LCA");
        assertThat(Countries.fromName("São Tomé & Príncipe")).isEqualTo("STP");
    }

    @Test
    void readsTheAdjectivesListsWriteAsANationality() {
        assertThat(Countries.fromName("Afghan")).isEqualTo("AFG");
        assertThat(Countries.fromName("Yemeni")).isEqualTo("YEM");
        assertThat(Countries.fromName("Saudi Arabian")).isEqualTo("SAU");
        assertThat(Countries.fromName("South Sudanese")).isEqualTo("SSD");
        assertThat(Countries.fromName("Sudanese")).isEqualTo("SDN");
    }

    @Test
    void findsEveryCountryNamedInAPhraseLongestNameFirst() {
        assertThat(Countries.findIn("Sudan/or South Sudan")).containsExactly("SDN", "SSD");
        assertThat(Countries.findIn("United States. Also believed to hold Syrian nationality"))
                .containsExactly("USA", "SYR");
        assertThat(Countries.findIn("Bahrain (citizenship revoked in Jan. 2015)")).containsExactly("BHR");
        assertThat(Countries.findIn("Democratic Republic of the Congo")).as("not Congo as well").containsExactly("COD");
        assertThat(Countries.findIn("Guinea-Bissau")).containsExactly("GNB");
        assertThat(Countries.findIn("na")).isEmpty();
        assertThat(Countries.findIn(null)).isEmpty();
    }

    @Test
    void noNameLeadsToTwoCountries() {
        Map<String, String> seen = new HashMap<>();
        for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)) {
            Countries.of(code).ifPresent(c -> {
                for (String name : Stream.concat(Stream.of(c.name()), c.otherNames().stream()).toList()) {
                    String before = seen.put(Countries.key(name), c.code());
                    assertThat(before).as("%s names %s and %s", name, before, c.code()).isIn(null, c.code());
                }
            });
        }
    }

    @Test
    void refusesLowerCaseFillersAndWithdrawnCodes() {
        assertThat(Countries.isKnown("deu")).isFalse();
        assertThat(Countries.isKnown("D<<")).as("fillers are the MRZ's business").isFalse();
        assertThat(Countries.isKnown("ANT")).as("Netherlands Antilles, withdrawn in 2010").isFalse();
        assertThat(Countries.isKnown(null)).isFalse();
    }

    @Test
    void theTableDependsOnNoOtherPackageOfOurs() throws IOException {
        Pattern reference = Pattern.compile("\\borg\\.ibex\\.([a-z]+)\\.");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/ibex/country"))) {
            for (Path file : files.toList()) {
                Matcher matcher = reference.matcher(Files.readString(file));
                while (matcher.find()) {
                    assertThat(matcher.group(1)).as("%s: document, watchlist and exchange all depend on the table,"
                            + " so it may depend on none of them", file).isEqualTo("country");
                }
            }
        }
    }
}

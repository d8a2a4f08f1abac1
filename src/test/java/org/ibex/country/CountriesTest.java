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

package org.ibex.watchlist;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Country names and codes to ISO 3166-1 alpha-3. The English names come from {@link Locale} (so they follow
 * the JDK's CLDR data); the table below adds the names the UN writes differently ("Iran (Islamic Republic
 * of)", "Democratic People's Republic of Korea").
 */
final class CountryNames {
    /** ICAO Doc 9303 codes that are not ISO countries but are valid nationalities in travel documents. */
    private static final Set<String> ICAO_CODES = Set.of("XXA", "XXB", "XXC", "XXX", "UNO", "UNA", "UNK", "EUE", "RKS");
    private static final Map<String, String> UN_NAMES = Map.ofEntries(
            Map.entry("Democratic People's Republic of Korea", "PRK"), Map.entry("Republic of Korea", "KOR"),
            Map.entry("Iran (Islamic Republic of)", "IRN"), Map.entry("Syrian Arab Republic", "SYR"),
            Map.entry("Russian Federation", "RUS"), Map.entry("United Republic of Tanzania", "TZA"),
            Map.entry("Bolivia (Plurinational State of)", "BOL"), Map.entry("Venezuela (Bolivarian Republic of)", "VEN"),
            Map.entry("Lao People's Democratic Republic", "LAO"), Map.entry("Viet Nam", "VNM"),
            Map.entry("Republic of Moldova", "MDA"), Map.entry("Democratic Republic of the Congo", "COD"),
            Map.entry("Congo", "COG"), Map.entry("Côte d'Ivoire", "CIV"), Map.entry("Cote d'Ivoire", "CIV"),
            Map.entry("United Kingdom of Great Britain and Northern Ireland", "GBR"),
            Map.entry("United States of America", "USA"), Map.entry("State of Palestine", "PSE"),
            Map.entry("Türkiye", "TUR"), Map.entry("Turkey", "TUR"), Map.entry("Brunei Darussalam", "BRN"),
            Map.entry("Micronesia (Federated States of)", "FSM"), Map.entry("Netherlands (Kingdom of the)", "NLD"),
            Map.entry("Czechia", "CZE"), Map.entry("Czech Republic", "CZE"), Map.entry("North Macedonia", "MKD"),
            Map.entry("The former Yugoslav Republic of Macedonia", "MKD"), Map.entry("Eswatini", "SWZ"),
            Map.entry("Swaziland", "SWZ"), Map.entry("Cabo Verde", "CPV"), Map.entry("Timor-Leste", "TLS"),
            Map.entry("Holy See", "VAT"), Map.entry("Myanmar", "MMR"), Map.entry("Burma", "MMR"),
            Map.entry("Libyan Arab Jamahiriya", "LBY"), Map.entry("Kosovo", "RKS"),
            Map.entry("China, Hong Kong Special Administrative Region", "HKG"),
            Map.entry("China, Macao Special Administrative Region", "MAC"),
            Map.entry("Occupied Palestinian Territory", "PSE"));
    private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = byName();
    private static final Set<String> ALPHA3 = alpha3Codes();

    private CountryNames() {
    }

    /** The alpha-3 code of an English or UN-style country name, or null if no table knows it. */
    static String alpha3FromName(String name) {
        return name == null ? null : BY_NAME.get(key(name));
    }

    /** The alpha-3 code of an ISO alpha-2 code in any case ("ru" gives RUS), or null. */
    static String alpha3FromAlpha2(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{2}")) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!ALPHA2.contains(upper)) {
            return null;
        }
        try {
            String alpha3 = new Locale("", upper).getISO3Country();
            return alpha3.isEmpty() ? null : alpha3;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** True for an ISO alpha-3 country code or an ICAO nationality code (XXA stateless, XXB refugee, ...). */
    static boolean isNationalityCode(String code) {
        return ALPHA3.contains(code) || ICAO_CODES.contains(code);
    }

    /** Case, accents, punctuation and a leading "the" do not matter. */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String words = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return words.startsWith("the ") ? words.substring(4) : words;
    }

    private static Map<String, String> byName() {
        Map<String, String> names = new HashMap<>();
        for (String alpha2 : ALPHA2) {
            String alpha3 = alpha3FromAlpha2(alpha2);
            if (alpha3 != null) {
                names.put(key(new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH)), alpha3);
            }
        }
        UN_NAMES.forEach((name, alpha3) -> names.put(key(name), alpha3));
        return Map.copyOf(names);
    }

    private static Set<String> alpha3Codes() {
        Set<String> codes = new HashSet<>();
        for (String alpha2 : ALPHA2) {
            String alpha3 = alpha3FromAlpha2(alpha2);
            if (alpha3 != null) {
                codes.add(alpha3);
            }
        }
        return Set.copyOf(codes);
    }
}

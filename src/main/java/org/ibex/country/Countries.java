package org.ibex.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of country codes that documents, watchlists and the exchange all check against: ISO 3166-1
 * alpha-3 and the codes ICAO Doc 9303 adds (D, GBD..GBS, UNO/UNA/UNK, X.., XXA..XXX, EUE, RKS and the specimen
 * state UTO), with the alpha-2 codes and the country names that lists use. Read once from {@code countries.tsv},
 * which ships in the jar; the table never changes while the node runs.
 */
public final class Countries {
    private static final String TABLE = "countries.tsv";
    private static final Map<String, Country> BY_CODE = load();
    private static final Map<String, Country> BY_ALPHA2 = byAlpha2();
    private static final Map<String, Country> BY_NAME = byName();
    /** Words in the longest name, so a phrase is searched for names no longer than that. */
    private static final int LONGEST_NAME = BY_NAME.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);

    private Countries() {
    }

    /** Whether {@code code} is in the table exactly as given (upper case, no fillers): DEU, D, XXA, UTO. */
    public static boolean isKnown(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** The row of a code written exactly as in the table. */
    public static Optional<Country> of(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    /** The alpha-3 code of an ISO alpha-2 code in any case ("ru" gives RUS), or null. */
    public static String fromAlpha2(String code) {
        if (code == null) {
            return null;
        }
        Country country = BY_ALPHA2.get(code.strip().toUpperCase(Locale.ROOT));
        return country == null ? null : country.code();
    }

    /** The code of a country name as CLDR or the UN writes it ("Iran (Islamic Republic of)" gives IRN), or null. */
    public static String fromName(String name) {
        if (name == null) {
            return null;
        }
        Country country = BY_NAME.get(key(name));
        return country == null ? null : country.code();
    }

    /**
     * Whether two known codes name the same country, as ICAO's D and ISO's DEU do; unknown codes are the same only
     * when they are equal.
     */
    public static boolean sameCountry(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return a.equals(b) || country(a).equals(country(b));
    }

    /** How many codes the table holds. */
    public static int size() {
        return BY_CODE.size();
    }

    private static String country(String code) {
        Country row = BY_CODE.get(code);
        return row == null ? code : row.country();
    }

    /**
     * The codes of every country name found in a phrase, in order, longest names first ("Sudan/or South Sudan"
     * gives SDN and SSD; "United States. Also believed to hold Syrian nationality" gives USA and SYR). For
     * free text where a list writes more than a name; empty when none is found.
     */
    public static List<String> findIn(String text) {
        if (text == null) {
            return List.of();
        }
        String[] words = key(text).split(" ");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int matched = 0;
            for (int n = Math.min(LONGEST_NAME, words.length - i); n > 0 && matched == 0; n--) {
                Country country = BY_NAME.get(String.join(" ", Arrays.asList(words).subList(i, i + n)));
                if (country != null) {
                    matched = n;
                    if (!codes.contains(country.code())) {
                        codes.add(country.code());
                    }
                }
            }
            i += Math.max(matched, 1);
        }
        return List.copyOf(codes);
    }

    /**
     * Case, accents, punctuation, "&amp;" for "and", "St." for "Saint" and the word "the" do not matter: lists write
     * "Saint Lucia", "Sao Tome and Principe" and "Saint Vincent and the Grenadines" where CLDR writes "St. Lucia",
     * "São Tomé &amp; Príncipe" and "St. Vincent &amp; Grenadines".
     */
    static String key(String name) {
        String plain = Normalizer.normalize(name.replace("&", " and "), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String words = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        StringBuilder key = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!word.equals("the")) {
                key.append(key.length() == 0 ? "" : " ").append(word.equals("st") ? "saint" : word);
            }
        }
        return key.toString();
    }

    private static Map<String, Country> load() {
        Map<String, Country> rows = new LinkedHashMap<>();
        try (InputStream in = Countries.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing beside " + Countries.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Country country = row(line);
                    rows.put(country.code(), country);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return Map.copyOf(rows);
    }

    private static Country row(String line) {
        String[] cells = line.split("\t", -1);
        if (cells.length != 5) {
            throw new IllegalStateException(TABLE + ": '" + line + "' must have 5 tab-separated columns");
        }
        List<String> others = cells[4].equals("-") ? List.of() : Arrays.asList(cells[4].split("\\|"));
        return new Country(cells[0], dash(cells[1]), dash(cells[2]), cells[3], others);
    }

    private static String dash(String cell) {
        return cell.equals("-") ? null : cell;
    }

    private static Map<String, Country> byAlpha2() {
        Map<String, Country> codes = new HashMap<>();
        BY_CODE.values().stream().filter(Country::iso).forEach(c -> codes.put(c.alpha2(), c));
        return Map.copyOf(codes);
    }

    private static Map<String, Country> byName() {
        Map<String, Country> names = new HashMap<>();
        for (Country country : BY_CODE.values()) {
            // A code that stands for another country (D) is not what its name should give: Germany is DEU.
            if (country.standsFor() == null) {
                List<String> all = new ArrayList<>(country.otherNames());
                all.add(country.name());
                all.forEach(name -> names.put(key(name), country));
            }
        }
        return Map.copyOf(names);
    }
}

package org.ibex.screens;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word of the screens exists in English, French, Arabic and Thai, and every key a template names exists. */
class TextsTest {
    /** A key named in a template: t("…"), a nav key, or a key built from a fixed prefix is checked by its own test. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("\\.t\\(\"([a-zA-Z0-9_.\\-]+)\"\\s*[,)]");

    @Test
    void everyAreaHasTheSameKeysInEveryLanguage() {
        for (String area : Texts.AREAS) {
            Set<String> english = keys(Texts.bundle(area, Lang.EN));
            for (Lang lang : Lang.values()) {
                assertThat(keys(Texts.bundle(area, lang))).as("keys of %s_%s.properties", area, lang.code())
                        .isEqualTo(english);
            }
        }
    }

    @Test
    void noTextIsEmptyOrLeftInEnglish() {
        for (String area : Texts.AREAS) {
            Properties english = Texts.bundle(area, Lang.EN);
            for (Lang lang : Lang.values()) {
                Properties bundle = Texts.bundle(area, lang);
                for (String key : bundle.stringPropertyNames()) {
                    assertThat(bundle.getProperty(key)).as("%s in %s_%s", key, area, lang.code()).isNotBlank();
                }
                if (lang == Lang.AR || lang == Lang.TH) {
                    // Arabic and Thai share no letters with English: a value equal to the English one and containing
                    // Latin words was not translated (names, codes, "API" and product names such as OpenSanctions stay as they are; an English phrase of two words does not).
                    List<String> untranslated = bundle.stringPropertyNames().stream()
                            .filter(key -> bundle.getProperty(key).equals(english.getProperty(key)))
                            .filter(key -> english.getProperty(key).matches("(?s).*(^|\\s)[a-z]{3,} [a-z]{3,}(\\s|$|[.,:;]).*"))
                            .toList();
                    assertThat(untranslated).as("untranslated keys in %s_%s", area, lang.code()).isEmpty();
                }
            }
        }
    }

    @Test
    void patternsWithArgumentsDoubleTheirApostrophes() {
        // MessageFormat takes a single apostrophe as a quote: "l'agent {0}" would print "lagent {0}".
        Pattern single = Pattern.compile("(?<!')'(?!')");
        for (String area : Texts.AREAS) {
            for (Lang lang : Lang.values()) {
                Properties bundle = Texts.bundle(area, lang);
                for (String key : bundle.stringPropertyNames()) {
                    String value = bundle.getProperty(key);
                    if (value.matches(".*\\{\\d.*")) {
                        assertThat(single.matcher(value).find()).as("%s in %s_%s: %s", key, area, lang.code(), value)
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Map<Lang, Texts> texts = Texts.load();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!texts.get(Lang.EN).has(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        for (org.ibex.access.Role role : org.ibex.access.Role.values()) {
            if (!texts.get(Lang.EN).has("role." + role.label())) {
                missing.add("role: role." + role.label());
            }
        }
        for (Nav nav : Nav.ALL) {
            if (!texts.get(Lang.EN).has(nav.key())) {
                missing.add("navigation: " + nav.key());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void arabicIsRightToLeftAndDatesUseThePinnedCalendarAndDigits() {
        Map<Lang, Texts> texts = Texts.load();
        assertThat(Lang.AR.dir()).isEqualTo("rtl");
        assertThat(Lang.TH.dir()).isEqualTo("ltr");
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 6);
        // Gregorian year and Latin digits in Thai, as documents print them (not the Buddhist 2569).
        assertThat(texts.get(Lang.TH).date(day)).contains("2026").doesNotContain("2569");
        assertThat(texts.get(Lang.AR).date(day)).contains("2026");
        assertThat(texts.get(Lang.FR).number(12345)).isEqualTo("12\u202f345");
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }
}

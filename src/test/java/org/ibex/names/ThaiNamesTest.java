package org.ibex.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-checked list of real Thai names with the Latin spelling their bearers use
 * ({@code org/ibex/bench/thai-names.tsv}, sources in its header): recall at the default threshold,
 * and false alerts over every pair of one person's Thai name with another person's Latin name.
 */
class ThaiNamesTest {
    private static final NameMatcher MATCHER = new NameMatcher();

    static List<NamePairs.Pair> thaiNames() throws IOException {
        List<NamePairs.Pair> out = new ArrayList<>();
        try (InputStream in = ThaiNamesTest.class.getResourceAsStream("/org/ibex/bench/thai-names.tsv")) {
            assertThat(in).as("the Thai names list").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new NamePairs.Pair(f[0], f[1]));
            }
        }
        return out;
    }

    @Test
    void atLeastEightyRealNamesEachWithItsSource() throws IOException {
        assertThat(thaiNames()).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void ninetyFivePercentOfListedThaiNamesAreFoundByTheirPassportSpelling() throws IOException {
        List<NamePairs.Pair> names = thaiNames();
        long found = names.stream().filter(p -> MATCHER.score(p.latin(), p.original()).match()).count();
        // ICU's ISO 11940 reading found 94 of 101 (93.1%); RTGS with passport variants finds all.
        assertThat((double) found / names.size()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void atMostOnePercentOfOtherPeoplesNamesAlert() throws IOException {
        List<NamePairs.Pair> names = thaiNames();
        List<NameKey> latin = names.stream().map(p -> MATCHER.key(p.latin())).toList();
        List<NameKey> thai = names.stream().map(p -> MATCHER.key(p.original())).toList();
        int alerts = 0;
        int pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i == j) continue;
                pairs++;
                if (MATCHER.similarity(latin.get(j), thai.get(i)) >= MATCHER.threshold()) alerts++;
            }
        }
        assertThat((double) alerts / pairs).as(alerts + " of " + pairs + " pairs").isLessThanOrEqualTo(0.01);
    }
}

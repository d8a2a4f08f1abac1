package org.ibex.bench;

import org.ibex.names.JaroWinkler;
import org.ibex.names.PhoneticKey;

/**
 * The project's reference point: ICU Any-Latin on both sides, then the mean of Jaro-Winkler on
 * the strings and on their consonant-class keys ({@link PhoneticKey}, our Double-Metaphone-like key).
 */
final class BaselineMatcher {
    private BaselineMatcher() {
    }

    static double score(String latinA, String latinB) {
        return (JaroWinkler.similarity(latinA, latinB)
                + JaroWinkler.similarity(PhoneticKey.of(latinA), PhoneticKey.of(latinB))) / 2;
    }
}

package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese characters to Latin: joined pinyin; the {@value #DECODED} most probable spellings under
 * the character realisations learned from transcribed foreign names ({@link ReadingTable}, 維斯伯恩
 * = vi s ber n, near waisbren; 特 mostly t, 尔 l or r); a consonant-cluster-aware reduction of the
 * pinyin (斯 si→s, 伯 bo→b, 恩 en→n); and for short names the surname moved last (张伟 = wei zhang).
 * At most {@link #MAX} of these, in that order.
 */
final class HanRomanizer {
    static final ReadingTable READINGS = ReadingTable.loadBundled(ReadingTable.HAN_RESOURCE);
    /**
     * Decodings through the learned table kept beside pinyin. Four instead of two won 0.9 points of
     * recall on the training half at the same false-alert rate (six: 0.4 more, for two more variants
     * on every Han name, each a comparison and blocking keys).
     */
    static final int DECODED = 4;
    /** Pinyin, the decodings, the reduced form and the rotation: the rotation must survive the cap. */
    static final int MAX = DECODED + 3;

    private HanRomanizer() {
    }

    static List<String> variants(String token) {
        String[] syllables = IcuTransliterators.apply("Han-Latin; Latin-ASCII", token).trim().split("[^A-Za-z]+");
        List<String> syl = new ArrayList<>();
        for (String s : syllables) {
            if (!s.isEmpty()) syl.add(s.toLowerCase(java.util.Locale.ROOT));
        }
        String joined = String.join("", syl);
        String reduced = reduce(syl);
        String rotated = syl.size() == 2 || syl.size() == 3
                ? String.join("", syl.subList(1, syl.size())) + syl.get(0) : null;
        List<String> units = units(token);
        List<String> readings = syl.size() == units.size() ? syl : units.stream().map(ReadingUnits::reading).toList();
        List<String> decoded = READINGS.best(units, readings, DECODED);
        List<String> all = new ArrayList<>();
        all.add(joined);
        all.addAll(decoded);
        // Rotation last: it only helps native two- or three-character names, whose decodings repeat pinyin and drop out.
        all.add(reduced);
        all.add(rotated);
        return Variants.distinctUpTo(MAX, all.toArray(String[]::new));
    }

    /** The token's characters, simplified, the last one marked: the units the reading table is keyed by. */
    static List<String> units(String token) {
        return ReadingUnits.withFinal(ReadingUnits.han(token));
    }

    static String reduce(List<String> syl) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < syl.size(); i++) {
            String s = syl.get(i);
            boolean last = i == syl.size() - 1;
            boolean nextStartsWithConsonant = !last && !isVowel(syl.get(i + 1).charAt(0));
            if (s.equals("er")) {
                out.append('r');
            } else if (s.equals("en") && i > 0) {
                out.append('n');
            } else if ((last || nextStartsWithConsonant) && isConsonantPlusWeakVowel(s)) {
                out.append(s, 0, s.length() - 1);
            } else {
                out.append(s);
            }
        }
        return out.toString();
    }

    /** Syllables like si, ke, te, de, bo, fu, mu, ci, zi whose vowel is only there to carry the consonant. */
    private static boolean isConsonantPlusWeakVowel(String s) {
        if (s.length() < 2 || s.length() > 3) return false;
        char v = s.charAt(s.length() - 1);
        String onset = s.substring(0, s.length() - 1);
        return "eiuo".indexOf(v) >= 0 && onset.chars().noneMatch(c -> isVowel((char) c))
                && !onset.equals("y") && !onset.equals("w");
    }

    private static boolean isVowel(char c) {
        return "aeiouv".indexOf(c) >= 0;
    }
}

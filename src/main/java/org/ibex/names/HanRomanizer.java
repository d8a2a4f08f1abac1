package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese characters to Latin: joined pinyin, a consonant-cluster-aware reduction for foreign
 * names transcribed syllable by syllable (維斯伯恩 = wei si bo en = waisbren: 斯 si→s, 伯 bo→b,
 * 恩 en→n), and for short names the surname moved last (张伟 = wei zhang).
 */
final class HanRomanizer {
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
        return Variants.distinct(joined, reduced, rotated);
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

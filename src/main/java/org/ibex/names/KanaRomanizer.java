package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Japanese kana romanisation: ICU's Hepburn-like output; the {@value #DECODED} most probable
 * spellings under the mora realisations learned from katakana foreign names ({@link ReadingTable}:
 * ター = ter, ッリ = lli, final ス = s); and a reduced reading where vowels inserted after lone
 * consonants are dropped (スミス = sumisu = smith) and the long-vowel mark ー stands for an
 * English "er"/"ar" (ミュンスター = munster).
 */
final class KanaRomanizer {
    private static final ReadingTable READINGS = ReadingTable.loadBundled(ReadingTable.KANA_RESOURCE);
    /** Decodings through the learned table kept beside Hepburn; more cost time and blocking keys for little recall. */
    static final int DECODED = 2;

    private KanaRomanizer() {
    }

    static List<String> variants(String token) {
        // Mark long vowels before ICU turns them into macrons that Latin-ASCII would drop.
        String marked = token.replace("ー", "\uE010");
        String hepburn = foldWithMarks(IcuTransliterators.apply("Hiragana-Latin; Katakana-Latin", marked), "");
        String reduced = reduce(hepburn);
        String withR = reduce(foldWithMarks(IcuTransliterators.apply("Hiragana-Latin; Katakana-Latin", marked), "r"));
        List<String> units = ReadingUnits.withFinal(ReadingUnits.kana(token));
        // ICU readings only for morae the table lacks: each ICU call costs more than the whole decoding.
        List<String> readings = units.stream().map(u -> READINGS.covers(u) ? null : ReadingUnits.reading(u)).toList();
        List<String> all = new ArrayList<>();
        all.add(hepburn);
        all.addAll(READINGS.best(units, readings, DECODED));
        all.add(reduced);
        all.add(withR);
        return Variants.distinct(all.toArray(String[]::new));
    }

    private static String foldWithMarks(String icu, String longMark) {
        return LatinFold.lettersOnly(IcuTransliterators.apply("Latin-ASCII", icu.replace("\uE010", "\uE011"))
                .replace("\uE011", longMark.isEmpty() ? "" : longMark));
    }

    /** Drops the epenthetic u after most consonants and o after t/d when another consonant or the end follows. */
    static String reduce(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : 0;
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            boolean followedByConsonantOrEnd = next == 0 || !isVowel(next);
            boolean epenthetic = i > 0 && followedByConsonantOrEnd
                    && ((c == 'u' && "skfmbpgzr".indexOf(prev) >= 0) || (c == 'o' && (prev == 't' || prev == 'd')));
            if (!epenthetic) out.append(c);
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}

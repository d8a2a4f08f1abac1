package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Han or kana token into the units that {@link ReadingTable} gives Latin realisations for.
 * Han: one character each, traditional forms folded to simplified (維 = 维), so that both spellings
 * share what was learned. Kana: one mora each, where a following small kana belongs to the mora
 * (ミュ, ヴァ), a leading sokuon doubles it (ッリ = rri) and a trailing long-vowel mark lengthens it
 * (ター = ta, tar or ter), because those marks have no sound of their own.
 */
public final class ReadingUnits {
    private static final String SMALL = "ぁぃぅぇぉゃゅょゎァィゥェォャュョヮㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";
    private static final String SOKUON = "っッ";
    private static final String LONG = "ー〜～";
    public static final String FINAL = "$";

    private ReadingUnits() {
    }

    /** The letters of a Han token, simplified, one unit per character; other characters are skipped. */
    public static List<String> han(String token) {
        String simplified = IcuTransliterators.apply("Traditional-Simplified", token);
        List<String> out = new ArrayList<>(simplified.length());
        for (int i = 0; i < simplified.length(); ) {
            int cp = simplified.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) out.add(Character.toString(cp));
        }
        return out;
    }

    /** The morae of a kana token; a token with characters other than kana gives an empty list. */
    public static List<String> kana(String token) {
        List<String> out = new ArrayList<>(token.length());
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (SOKUON.indexOf(c) >= 0) {
                pending.append(c);
            } else if ((SMALL.indexOf(c) >= 0 || LONG.indexOf(c) >= 0) && !out.isEmpty() && pending.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + c);
            } else if (isKana(c)) {
                out.add(pending.append(c).toString());
                pending.setLength(0);
            } else {
                return List.of();
            }
        }
        if (!pending.isEmpty()) out.add(pending.toString());
        return out;
    }

    /** Marks the last unit ("斯$"): the end of a name is where transcribers drop the vowel most. */
    public static List<String> withFinal(List<String> units) {
        if (units.isEmpty()) return units;
        List<String> out = new ArrayList<>(units);
        out.set(out.size() - 1, out.get(out.size() - 1) + FINAL);
        return out;
    }

    /** The unit without its position mark, whose realisations a marked unit backs off to. */
    public static String withoutContext(String unit) {
        return unit.endsWith(FINAL) ? unit.substring(0, unit.length() - FINAL.length()) : unit;
    }

    /** ICU's reading of one unit, letters only: pinyin for Han, Hepburn for kana. */
    public static String reading(String unit) {
        unit = withoutContext(unit);
        int cp = unit.codePointAt(0);
        boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        return LatinFold.lettersOnly(IcuTransliterators.apply(
                han ? "Han-Latin; Latin-ASCII" : "Hiragana-Latin; Katakana-Latin; Latin-ASCII", unit));
    }

    private static boolean isKana(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA || LONG.indexOf(c) >= 0;
    }
}

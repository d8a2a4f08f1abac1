package org.ibex.names;

import java.util.List;

/**
 * Arabic-script romanisation (Arabic, Persian, Urdu letters). Short vowels are not written, so
 * the variants differ in how the long-vowel letters و and ي are read: contextually (consonant at
 * the start or next to a vowel letter, else u/i), as o/e, or always as w/y; missing short vowels
 * are left to the learned insertion costs.
 */
final class ArabicRomanizer {
    private static final LetterTable TABLE = new LetterTable().rows("""
            ا=a أ=a إ=i|e آ=a ٱ=a ب=b ت=t ث=th|s ج=j|g ح=h خ=kh د=d ذ=dh|z ر=r ز=z س=s ش=sh ص=s
            ض=d|z ط=t ظ=z ع=|a غ=gh ف=f ق=q|k ك=k ل=l م=m ن=n ه=h ة=a|ah ء= ؤ=u|o ئ=i|e ى=a
            پ=p چ=ch ژ=zh گ=g ک=k ڤ=v ی=y ے=e ٹ=t ڈ=d ڑ=r ں=n ھ=h
            """);

    private ArabicRomanizer() {
    }

    static List<String> variants(String token) {
        return Variants.distinct(render(token, 0), render(token, 1), render(token, 2));
    }

    static String render(String token, int column) {
        StringBuilder out = new StringBuilder();
        int n = token.length();
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c == 'و' || c == 'ي' || c == 'ی') {
                boolean consonant = column == 2 || i == 0 || isVowelLetter(prev(token, i)) || next(token, i) == 'ا';
                boolean waw = c == 'و';
                out.append(consonant ? (waw ? "w" : "y") : column == 1 ? (waw ? "o" : "e") : (waw ? "u" : "i"));
            } else if (TABLE.has(c)) {
                out.append(TABLE.get(c, column == 1 ? 1 : 0));
            } else if (Character.isLetter(c)) {
                out.append(LatinFold.fold(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static boolean isVowelLetter(char c) {
        return c == 'ا' || c == 'و' || c == 'ي' || c == 'ی' || c == 'أ' || c == 'آ';
    }

    private static char prev(String s, int i) {
        return i > 0 ? s.charAt(i - 1) : 0;
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : 0;
    }
}

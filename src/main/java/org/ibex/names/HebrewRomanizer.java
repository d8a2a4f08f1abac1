package org.ibex.names;

import java.util.List;

/**
 * Hebrew romanisation. The matres lectionis ו and י are read contextually (consonant v/y at the
 * start or doubled, else o/i), as u/e, or always as consonants; ב פ כ are b p k at the start and
 * v f kh inside a word; geresh marks ג׳ ז׳ צ׳ as j zh ch.
 */
final class HebrewRomanizer {
    private static final LetterTable TABLE = new LetterTable().rows("""
            א=|a ג=g ד=d ז=z ח=kh|h|h ט=t ך=kh|k ל=l מ=m ם=m נ=n ן=n ס=s ע=|a|e ף=f
            צ=ts|tz|z ץ=ts|tz|z ק=k ר=r ש=sh|s ת=t
            \uE001=j \uE002=zh \uE003=ch
            """);

    private HebrewRomanizer() {
    }

    static List<String> variants(String token) {
        String t = token.replaceAll("ג[׳']", "\uE001").replaceAll("ז[׳']", "\uE002").replaceAll("[צץ][׳']", "\uE003");
        return Variants.distinct(render(t, 0), render(t, 1), render(t, 2));
    }

    static String render(String t, int column) {
        StringBuilder out = new StringBuilder();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            boolean start = i == 0;
            boolean end = i == n - 1;
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            switch (c) {
                case 'ו' -> {
                    if (next == 'ו') {
                        out.append(column == 1 ? "w" : "v");
                        i++;
                    } else {
                        out.append(start || column == 2 ? "v" : column == 1 ? "u" : "o");
                    }
                }
                case 'י' -> {
                    if (next == 'י') {
                        out.append(column == 1 ? "ei" : "y");
                        i++;
                    } else {
                        out.append(start || column == 2 ? "y" : column == 1 ? "e" : "i");
                    }
                }
                case 'ב' -> out.append(start || column == 1 ? "b" : "v");
                case 'פ' -> out.append(start || column == 1 ? "p" : "f");
                case 'כ' -> out.append(start || column == 1 ? "k" : "kh");
                case 'ה' -> out.append(end && column != 2 ? (column == 1 ? "" : "a") : "h");
                default -> {
                    if (TABLE.has(c)) out.append(TABLE.get(c, column));
                    else if (Character.isLetter(c)) out.append(LatinFold.fold(String.valueOf(c)));
                }
            }
        }
        return out.toString();
    }
}

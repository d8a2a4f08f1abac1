package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/** Folds Latin text to lower-case a–z, with German-style umlaut expansions as a second variant. */
public final class LatinFold {
    private LatinFold() {
    }

    /** Any script through ICU to plain lower-case ASCII letters; everything else is dropped. */
    public static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 128;
        String latin = ascii ? s : IcuTransliterators.apply("Any-Latin; Latin-ASCII", s);
        return lettersOnly(latin);
    }

    public static String lettersOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z') b.append(c);
        }
        return b.toString();
    }

    /** Variants of a Latin token: the plain fold, and the Doc 9303 expansion (ü→ue, ß→ss, å→aa...). */
    public static List<String> variants(String token) {
        List<String> out = new ArrayList<>(2);
        out.add(fold(token));
        String expanded = fold(MrzNames.expandLatin(token.toUpperCase(java.util.Locale.ROOT)));
        if (!out.contains(expanded)) out.add(expanded);
        return out;
    }
}

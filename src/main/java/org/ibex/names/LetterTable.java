package org.ibex.names;

import java.util.HashMap;
import java.util.Map;

/**
 * Letter-by-letter romanisation with several columns (standards or vowel readings); a letter
 * with fewer columns than asked uses its last one.
 */
final class LetterTable {
    private final Map<Integer, String[]> letters = new HashMap<>();

    /** Adds rows written as {@code "letter=col0|col1|col2"}, separated by spaces. */
    LetterTable rows(String spec) {
        for (String row : spec.trim().split("\\s+")) {
            int eq = row.indexOf('=', 1);
            String letter = row.substring(0, eq);
            letters.put(letter.codePointAt(0), row.substring(eq + 1).split("\\|", -1));
        }
        return this;
    }

    boolean has(int cp) {
        return letters.containsKey(cp);
    }

    String get(int cp, int column) {
        String[] cols = letters.get(cp);
        if (cols == null) return null;
        return cols[Math.min(column, cols.length - 1)];
    }

    /** Renders a whole token in one column; unknown letters fall back to ICU. */
    String render(String token, int column) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            i += Character.charCount(cp);
            String s = get(cp, column);
            out.append(s != null ? s : LatinFold.fold(new String(Character.toChars(cp))));
        }
        return out.toString();
    }
}

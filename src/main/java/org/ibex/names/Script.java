package org.ibex.names;

/** The writing system of one token; picks the romaniser and the learned edit-cost table. */
enum Script {
    LATIN("generic"), ARABIC("arabic"), HEBREW("hebrew"), CYRILLIC("russian"), HAN("chinese"),
    KANA("japanese"), HANGUL("generic"), OTHER("generic"), THAI("generic");

    /** Name of the edit-cost table trained for this script. */
    final String costTable;

    Script(String costTable) {
        this.costTable = costTable;
    }

    /** The script of the first letter that is not common to all scripts. */
    static Script of(String token) {
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case LATIN: return LATIN;
                case ARABIC: return ARABIC;
                case HEBREW: return HEBREW;
                case CYRILLIC: return CYRILLIC;
                case HAN: return containsKana(token) ? KANA : HAN;
                case HIRAGANA: case KATAKANA: return KANA;
                case HANGUL: return HANGUL;
                case THAI: return THAI;
                case COMMON: case INHERITED: continue;
                default: return OTHER;
            }
        }
        return LATIN;
    }

    private static boolean containsKana(String token) {
        return token.codePoints().anyMatch(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
        });
    }
}

package org.ibex.document;

/** Helpers for the MRZ filler character '<'. */
final class Fillers {
    static final char FILLER = '<';

    private Fillers() {
    }

    static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == FILLER) {
            end--;
        }
        return s.substring(0, end);
    }

    static boolean onlyFillers(String s) {
        return s.chars().allMatch(c -> c == FILLER);
    }

    static boolean isMrzCharacter(char c) {
        return CheckDigit.valueOf(c) >= 0;
    }
}

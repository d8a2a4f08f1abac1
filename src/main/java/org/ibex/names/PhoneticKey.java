package org.ibex.names;

/**
 * A consonant-skeleton key in the spirit of Double Metaphone, written for romanised names from
 * many scripts: letters fold to seven sound classes (labial B, velar K, dental T, sibilant S,
 * liquid R, nasal N), vowels and the weak letters h w y vanish, and repeats collapse even across
 * vowels, because vowel-less scripts cannot tell them apart: mohammed, muhammad and mhmd all give NT.
 */
public final class PhoneticKey {
    private PhoneticKey() {
    }

    public static String of(CharSequence s) {
        StringBuilder out = new StringBuilder(8);
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            char k = classOf(c, next);
            if ((c == 's' || c == 'c' || c == 'z') && next == 'h') i++;
            if (k == 0) continue;
            if (k != last) out.append(k);
            last = k;
        }
        return out.toString();
    }

    public static char classOf(char c, char next) {
        return switch (c) {
            case 'b', 'p', 'f', 'v' -> 'B';
            case 'k', 'q', 'g', 'x' -> 'K';
            case 'c' -> next == 'h' || next == 'e' || next == 'i' ? 'S' : 'K';
            case 'd', 't' -> 'T';
            case 's', 'z', 'j' -> 'S';
            case 'l', 'r' -> 'R';
            case 'm', 'n' -> 'N';
            default -> 0;
        };
    }
}

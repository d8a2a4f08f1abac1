package org.ibex.document;

/** The ICAO Doc 9303 Part 3 check digit: character values (0-9, A=10..Z=35, &lt;=0) weighted 7-3-1, modulo 10. */
public final class CheckDigit {
    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {
    }

    /** The check digit of {@code s}; throws IllegalArgumentException for a character outside A-Z, 0-9 and &lt;. */
    public static int compute(CharSequence s) {
        int digit = computeOrNegative(s);
        if (digit < 0) {
            int bad = firstInvalid(s);
            throw new IllegalArgumentException("character '" + s.charAt(bad) + "' at index " + bad
                    + " is not an MRZ character; expected A-Z, 0-9 or <");
        }
        return digit;
    }

    /** Like {@link #compute} but -1 for invalid characters, so hostile input never throws inside the parser. */
    static int computeOrNegative(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int value = valueOf(s.charAt(i));
            if (value < 0) {
                return -1;
            }
            sum += value * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    static int valueOf(char c) {
        if (c == '<') {
            return 0;
        }
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int firstInvalid(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (valueOf(s.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }
}

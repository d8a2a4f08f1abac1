package org.ibex.access;

import java.security.SecureRandom;

/**
 * Passwords an admin hands over and the user must replace at first login: 20 letters and digits from an
 * alphabet without look-alikes (no 0/O, 1/l/I), in groups of five, about 100 bits.
 */
final class OneTimePasswords {
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random;

    OneTimePasswords(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder password = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}

package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names with one typing error in one token, for reach tests: in one token of two letters or more, chosen at
 * random, one letter substituted, one inserted and one deleted, at random places, with letters of its own script.
 */
final class OneEdit {
    private static final String LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private OneEdit() {
    }

    static List<String> sample(String name, Random random) {
        String[] tokens = name.strip().split("\\s+");
        List<String> out = new ArrayList<>();
        List<Integer> editable = new ArrayList<>();
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t].codePointCount(0, tokens[t].length()) >= 2) {
                editable.add(t);
            }
        }
        if (!editable.isEmpty()) {
            int t = editable.get(random.nextInt(editable.size()));
            int[] letters = tokens[t].codePoints().toArray();
            int[] alphabet = alphabet(tokens[t]);
            int at = random.nextInt(letters.length);
            out.add(with(tokens, t, replace(letters, at, other(alphabet, letters[at], random))));
            out.add(with(tokens, t, insert(letters, random.nextInt(letters.length + 1),
                    alphabet[random.nextInt(alphabet.length)])));
            out.add(with(tokens, t, delete(letters, random.nextInt(letters.length))));
        }
        return out;
    }

    /** A–Z in the token's case for a Latin token; otherwise the token's own letters, so the script stays. */
    private static int[] alphabet(String token) {
        if (token.chars().allMatch(c -> c < 128)) {
            boolean lower = token.equals(token.toLowerCase(java.util.Locale.ROOT));
            return (lower ? LATIN.toLowerCase(java.util.Locale.ROOT) : LATIN).codePoints().toArray();
        }
        return token.codePoints().filter(Character::isLetter).distinct().toArray();
    }

    private static int other(int[] alphabet, int letter, Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int c = alphabet[random.nextInt(alphabet.length)];
            if (c != letter) {
                return c;
            }
        }
        return letter == 'X' ? 'Q' : 'X';
    }

    private static String replace(int[] letters, int at, int letter) {
        int[] copy = letters.clone();
        copy[at] = letter;
        return new String(copy, 0, copy.length);
    }

    private static String insert(int[] letters, int at, int letter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= letters.length; i++) {
            if (i == at) {
                out.appendCodePoint(letter);
            }
            if (i < letters.length) {
                out.appendCodePoint(letters[i]);
            }
        }
        return out.toString();
    }

    private static String delete(int[] letters, int at) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < letters.length; i++) {
            if (i != at) {
                out.appendCodePoint(letters[i]);
            }
        }
        return out.toString();
    }

    private static String with(String[] tokens, int t, String edited) {
        String[] copy = tokens.clone();
        copy[t] = edited;
        return String.join(" ", copy);
    }
}

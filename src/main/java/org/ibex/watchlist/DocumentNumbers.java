package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number in a document field written as prose, as the UN writes some: "Russian foreign travel passport number
 * 515458008", "Libya B/002210", "No. H0044232 (Iraqi)", "R00012098, South Sudan", "TR-P 614 166". A number
 * normalised from the whole text ("JORDAN654781") would never meet the number a traveller shows.
 */
final class DocumentNumbers {
    /** The word that introduces a number: "number", "No.", "No.:", "no:", "SSN", "Fiscal Code:". */
    private static final Pattern KEYWORD = Pattern.compile("(?i)\\b(?:number|no|ssn|code)\\b\\.?:?\\s*");
    /** A token of a number: it holds a digit, or it is a short capital prefix ("A", "SE", "TR-P", "DE-"). */
    private static final Pattern DIGITS = Pattern.compile(".*\\d.*");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}(?:-[A-Z]{0,2})?");
    /** A note that starts with a number of at least five digits, before any word. */
    private static final Pattern LEADING = Pattern.compile("([A-Z]{0,3}\\d[\\d/-]{4,})(?:[\\s,;]|$)");
    private static final Pattern TRAILER = Pattern.compile("\\s*(?:\\([^)]*\\)|,\\s*[^\\d\\s,][^,]*)\\s*$");

    /** Longer text is no number with words around it: it is taken as written (and refused by its length). */
    static final int MAX_PROSE = 300;

    private DocumentNumbers() {
    }

    /** The number in a NUMBER element: the text itself when it is a plain number, else the number it names. */
    static String fromNumberField(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip();
        if (plain.length() > MAX_PROSE) {
            return plain;
        }
        String afterKeyword = afterKeyword(plain);
        if (afterKeyword != null) {
            return afterKeyword;
        }
        String trimmed = withoutTrailers(plain);
        String trailing = trailingNumber(trimmed);
        return trailing != null ? trailing : plain;
    }

    /**
     * The number a prose note names after "number" or "No.", or that it starts with ("04643632 issued on 18 Jun.
     * 1999"); null when it names none.
     */
    static String fromNote(String text) {
        if (text == null || text.length() > MAX_PROSE) {
            return null;
        }
        String afterKeyword = afterKeyword(text.strip());
        if (afterKeyword != null) {
            return afterKeyword;
        }
        Matcher leading = LEADING.matcher(text.strip());
        return leading.lookingAt() ? leading.group(1) : null;
    }

    /** Whether the text is more than its number, so the text is worth keeping beside it. */
    static boolean isProse(String text, String number) {
        return text != null && !DocumentEntry.normaliseNumber(text).equals(DocumentEntry.normaliseNumber(number));
    }

    private static String afterKeyword(String text) {
        Matcher keyword = KEYWORD.matcher(text);
        if (!keyword.find()) {
            return null;
        }
        // "Russian passport number 8208 No. 555627": the series and the number together.
        String rest = KEYWORD.matcher(text.substring(keyword.end())).replaceAll(" ");
        List<String> tokens = new ArrayList<>();
        for (String token : rest.strip().split("\\s+")) {
            String bare = token.replaceAll("[,;)]+$", "");
            if (DIGITS.matcher(bare).matches() || tokens.isEmpty() && PREFIX.matcher(bare).matches()) {
                tokens.add(bare);
                if (!bare.equals(token)) {
                    break;
                }
            } else {
                break;
            }
        }
        return tokens.stream().anyMatch(t -> DIGITS.matcher(t).matches()) ? String.join(" ", tokens) : null;
    }

    private static String withoutTrailers(String text) {
        String before;
        String after = text;
        do {
            before = after;
            after = TRAILER.matcher(before).replaceFirst("");
        } while (!after.equals(before) && !after.isBlank());
        return after.isBlank() ? before : after;
    }

    /** The tokens at the end that hold digits, with a short capital prefix before them ("A 0139243"). */
    private static String trailingNumber(String text) {
        String[] tokens = text.split("\\s+");
        int start = tokens.length;
        while (start > 0 && DIGITS.matcher(tokens[start - 1]).matches()) {
            start--;
        }
        if (start == tokens.length) {
            return null;
        }
        if (start > 0 && PREFIX.matcher(tokens[start - 1]).matches()) {
            start--;
        }
        return String.join(" ", Arrays.asList(tokens).subList(start, tokens.length));
    }
}

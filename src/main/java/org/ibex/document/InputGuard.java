package org.ibex.document;

import java.util.ArrayList;
import java.util.List;

/** Rejects text that cannot be an MRZ before any repair is tried, and splits the rest into trimmed lines. */
final class InputGuard {
    /** Three TD1 lines of 30 plus line breaks is 92; the slack allows OCR noise, the bound keeps hostile input cheap. */
    static final int MAX_CHARS = 200;
    private static final int MIN_LINES = 2;
    private static final int MAX_LINES = 3;

    private InputGuard() {
    }

    static List<String> lines(String text, Findings out) {
        if (text == null || text.isBlank()) {
            throw new MrzInputException("input", "empty",
                    "MRZ text is empty; expected 2 or 3 lines of 30, 36 or 44 characters");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_CHARS) {
            throw new MrzInputException("input", "length", "MRZ text has " + trimmed.length()
                    + " characters after trimming, more than the " + MAX_CHARS
                    + " allowed; an MRZ has at most 92 (split several documents with MrzBlocks.split first)");
        }
        rejectBinary(trimmed);
        // Split the untrimmed text so spaces before line 1 and after the last line are reported like any others;
        // the bound above already guarantees the non-blank part is small.
        String[] raw = text.split("\r\n|\r|\n", -1);
        int first = 0;
        int last = raw.length - 1;
        while (raw[first].isBlank()) {
            first++;
        }
        while (raw[last].isBlank()) {
            last--;
        }
        List<String> lines = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            String line = raw[i].strip();
            int number = lines.size() + 1;
            if (line.isEmpty()) {
                out.repair("line" + number, "trim", new MrzPosition(number, 1, 0), abbreviate(raw[i]), "",
                        "removed a blank line before line " + number);
            } else {
                if (!line.equals(raw[i])) {
                    out.repair("line" + number, "trim", new MrzPosition(number, 1, line.length()), abbreviate(raw[i]), line,
                            "removed spaces around line " + number);
                }
                lines.add(line);
            }
        }
        if (lines.size() < MIN_LINES || lines.size() > MAX_LINES) {
            throw new MrzInputException("input", "line-count", "MRZ text has " + lines.size()
                    + " non-blank lines; expected 2 (TD2, TD3, MRV) or 3 (TD1)");
        }
        return lines;
    }

    /** Edge lines may carry any amount of whitespace; a repair should not hold a megabyte of it. */
    private static String abbreviate(String raw) {
        return raw.length() <= MAX_CHARS ? raw : raw.substring(0, MAX_CHARS) + "...";
    }

    private static void rejectBinary(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBinary(c)) {
                throw new MrzInputException("input", "charset", String.format(
                        "MRZ text holds control or binary character U+%04X at offset %d; expected printable text", (int) c, i));
            }
        }
    }

    private static boolean isBinary(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || c == '\uFFFD';
    }
}

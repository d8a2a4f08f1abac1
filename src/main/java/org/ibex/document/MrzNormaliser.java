package org.ibex.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/** Undoes OCR damage that spans whole lines (case, filler look-alikes, a length off by one) and picks the format. */
final class MrzNormaliser {
    record Normalised(MrzFormat format, List<String> lines) {
    }

    private MrzNormaliser() {
    }

    static Normalised normalise(List<String> raw, Findings out) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int number = i + 1;
            String line = replaceRuns(raw.get(i), number, c -> c >= 'a' && c <= 'z', Character::toUpperCase,
                    "case", "lower case read as upper case", out);
            line = replaceRuns(line, number, c -> c == '«' || c == ' ', c -> Fillers.FILLER,
                    "filler", "'«' and spaces read as the filler '<'", out);
            lines.add(line);
        }
        int length = targetLength(lines);
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, fitLength(lines.get(i), i + 1, length, out));
            reportForeignCharacters(lines.get(i), i + 1, out);
        }
        return new Normalised(formatOf(lines, length), List.copyOf(lines));
    }

    /** Replaces each run of matching characters and records it as one repair, so a lower-case MRZ is one repair a line. */
    private static String replaceRuns(String line, int number, IntPredicate matches, IntUnaryOperator replacement,
                                      String rule, String why, Findings out) {
        StringBuilder fixed = new StringBuilder(line);
        int i = 0;
        while (i < line.length()) {
            if (!matches.test(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && matches.test(line.charAt(i))) {
                fixed.setCharAt(i, (char) replacement.applyAsInt(line.charAt(i)));
                i++;
            }
            out.repair("line" + number, rule, new MrzPosition(number, start + 1, i - start),
                    line.substring(start, i), fixed.substring(start, i), why);
        }
        return fixed.toString();
    }

    private static int targetLength(List<String> lines) {
        int[] candidates = lines.size() == 3 ? new int[] {30} : new int[] {36, 44};
        for (int candidate : candidates) {
            if (lines.stream().allMatch(l -> Math.abs(l.length() - candidate) <= 1)) {
                return candidate;
            }
        }
        List<Integer> lengths = lines.stream().map(String::length).toList();
        throw new MrzInputException("input", "length", lines.size() + " lines of " + lengths
                + " characters match no MRZ format; expected 3 lines of 30 (TD1), 2 of 36 (TD2, MRV-B)"
                + " or 2 of 44 (TD3, MRV-A)");
    }

    private static String fitLength(String line, int number, int length, Findings out) {
        String field = "line" + number;
        if (line.length() == length - 1) {
            out.repair(field, "line-length", new MrzPosition(number, length, 1), "", "<",
                    "line " + number + " had " + line.length() + " characters; added a trailing filler to make " + length);
            return line + Fillers.FILLER;
        }
        if (line.length() == length + 1) {
            char last = line.charAt(length);
            MrzPosition at = new MrzPosition(number, length + 1, 1);
            if (last == Fillers.FILLER) {
                out.repair(field, "line-length", at, "<", "",
                        "line " + number + " had " + line.length() + " characters; removed a trailing filler to make " + length);
                return line.substring(0, length);
            }
            // Dropping a data character would be a guess, so the line keeps it and the fields ignore it.
            out.error(field, "length", at, "line " + number + " has " + line.length() + " characters, expected "
                    + length + "; the last character '" + last + "' is not a filler, so it was not removed",
                    String.valueOf(line.length()), String.valueOf(length), String.valueOf(last));
        }
        return line;
    }

    private static void reportForeignCharacters(String line, int number, Findings out) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Fillers.isMrzCharacter(c)) {
                out.error("line" + number, "charset", new MrzPosition(number, i + 1, 1), String.format(
                        "line %d column %d holds '%c' (U+%04X); an MRZ holds only A-Z, 0-9 and <", number, i + 1, c, (int) c),
                        String.valueOf(c));
            }
        }
    }

    private static MrzFormat formatOf(List<String> lines, int length) {
        boolean visa = lines.get(0).charAt(0) == 'V';
        return switch (length) {
            case 30 -> MrzFormat.TD1;
            case 36 -> visa ? MrzFormat.MRVB : MrzFormat.TD2;
            default -> visa ? MrzFormat.MRVA : MrzFormat.TD3;
        };
    }
}

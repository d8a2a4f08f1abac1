package org.ibex.document;

import java.util.ArrayList;
import java.util.List;

/** Fixes letters read in digit-only fields and digits read in letter-only fields, where the confusion is unambiguous. */
final class CharacterRepairs {
    private static final String LETTERS_READ_FOR_DIGITS = "OQDILZSGB";
    private static final String DIGIT_FOR_LETTER = "000112568";
    private static final String DIGITS_READ_FOR_LETTERS = "01258";
    private static final String LETTER_FOR_DIGIT = "OIZSB";

    private CharacterRepairs() {
    }

    /**
     * Returns the repaired lines. The sex field is left alone: no digit is confused with M or F, so a repair there
     * could never make it valid. Document numbers and optional data are alphanumeric and are never repaired.
     */
    static List<String> apply(List<String> lines, MrzLayout layout, Findings out) {
        List<StringBuilder> grid = new ArrayList<>();
        lines.forEach(line -> grid.add(new StringBuilder(line)));
        for (Field field : layout.digitFields()) {
            repair(grid, field, LETTERS_READ_FOR_DIGITS, DIGIT_FOR_LETTER, "letter-in-numeric",
                    "a field that holds only digits", out);
        }
        for (Field field : layout.letterFields()) {
            repair(grid, field, DIGITS_READ_FOR_LETTERS, LETTER_FOR_DIGIT, "digit-in-alpha",
                    "a field that holds only letters", out);
        }
        return grid.stream().map(StringBuilder::toString).toList();
    }

    private static void repair(List<StringBuilder> grid, Field field, String misread, String meant, String rule,
                               String fieldKind, Findings out) {
        StringBuilder line = grid.get(field.line() - 1);
        String before = line.substring(field.column() - 1, field.column() - 1 + field.length());
        for (int i = 0; i < before.length(); i++) {
            int confusion = misread.indexOf(before.charAt(i));
            if (confusion < 0) {
                continue;
            }
            char from = before.charAt(i);
            char to = meant.charAt(confusion);
            line.setCharAt(field.column() - 1 + i, to);
            String name = field.name().equals("name") ? NameField.partAt(before, i) : field.name();
            out.repair(name, rule, field.positionOf(i), String.valueOf(from), String.valueOf(to),
                    "read '" + from + "' as '" + to + "' in " + name + ", " + fieldKind);
        }
    }
}

package org.ibex.document;

import java.util.List;

/** Splits the name field into primary identifier (surname) and secondary identifiers (given names). */
final class NameField {
    record Name(String surname, String givenNames) {
    }

    private static final String SEPARATOR = "<<";

    private NameField() {
    }

    static Name read(Field field, List<String> lines, Findings out) {
        String raw = field.in(lines);
        reportDigits(field, raw, out);
        // A name that fills the field may be truncated (Doc 9303 Part 3); that is legal, so it is not reported.
        String name = Fillers.trimTrailing(raw);
        int separator = name.indexOf(SEPARATOR);
        if (separator < 0) {
            return new Name(words(name), "");
        }
        return new Name(words(name.substring(0, separator)), words(name.substring(separator + SEPARATOR.length())));
    }

    /** The reading field a character of the raw name field belongs to. */
    static String partAt(String raw, int offset) {
        int separator = raw.indexOf(SEPARATOR);
        return separator < 0 || offset < separator ? "surname" : "givenNames";
    }

    private static String words(String part) {
        return part.replaceAll("<+", " ").strip();
    }

    /** Digits left after OCR repair have no letter they could stand for; other foreign characters fail per line. */
    private static void reportDigits(Field field, String raw, Findings out) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                String part = partAt(raw, i);
                out.error(part, "charset", field.positionOf(i),
                        part + " holds the digit '" + c + "'; a name holds only letters A-Z and the filler <",
                        String.valueOf(c));
            }
        }
    }
}

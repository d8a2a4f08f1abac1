package org.ibex.document;

import java.util.List;

/** Verifies every check digit the format defines; on alphanumeric fields it also looks for a one-character fix. */
final class CheckDigitVerifier {
    private static final String RULE = "check-digit";

    private CheckDigitVerifier() {
    }

    static void verify(MrzLayout layout, List<String> lines, DocumentNumber number, Findings out) {
        if (!verify("documentNumber", number.checked(), number.checkDigit(), number.checkPosition(), out)) {
            ConfusableSuggestions.suggest("documentNumber", number.checked(), number.checkDigit(),
                    number::positionOf, out);
        }
        verify(layout.dateOfBirth(), layout.dateOfBirthCheck(), lines, out);
        verify(layout.dateOfExpiry(), layout.dateOfExpiryCheck(), lines, out);
        if (layout.personalNumberCheck() != null) {
            verifyPersonalNumber(layout.optionalData(), layout.personalNumberCheck(), lines, out);
        }
        if (layout.compositeCheck() != null) {
            StringBuilder composite = new StringBuilder();
            layout.compositeParts().forEach(part -> composite.append(part.in(lines)));
            verify("composite", composite.toString(), layout.compositeCheck().charIn(lines),
                    layout.compositeCheck().position(), out);
        }
    }

    private static void verify(Field field, Field check, List<String> lines, Findings out) {
        verify(field.name(), field.in(lines), check.charIn(lines), check.position(), out);
    }

    /** TD3: an empty personal number may carry '&lt;' or '0' as its check digit (Doc 9303 Part 4). */
    private static void verifyPersonalNumber(Field field, Field check, List<String> lines, Findings out) {
        String value = field.in(lines);
        char printed = check.charIn(lines);
        if (Fillers.onlyFillers(value) && (printed == Fillers.FILLER || printed == '0')) {
            return;
        }
        if (!verify("personalNumber", value, printed, check.position(), out)) {
            ConfusableSuggestions.suggest("personalNumber", value, printed, field::positionOf, out);
        }
    }

    private static boolean verify(String field, String value, char printed, MrzPosition at, Findings out) {
        int expected = CheckDigit.computeOrNegative(value);
        if (expected < 0) {
            out.error(field, RULE, at, field + " check digit cannot be computed: '" + value
                    + "' holds characters other than A-Z, 0-9 and <", value);
            return false;
        }
        if (printed == (char) ('0' + expected)) {
            return true;
        }
        out.error(field, RULE, at, field + " check digit: expected " + expected + " for '" + value
                + "' but found '" + printed + "'", value, String.valueOf(expected), String.valueOf(printed));
        return false;
    }
}

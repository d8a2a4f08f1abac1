package org.ibex.document;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything read from one MRZ. Fields are reported as printed even when a rule fails, with the error beside them;
 * {@code valid} is true exactly when {@code errors} is empty.
 */
public record MrzReading(
        boolean valid,
        MrzFormat format,
        String documentCode,
        String issuingState,
        String surname,
        String givenNames,
        String documentNumber,
        String nationality,
        LocalDate dateOfBirth,
        LocalDate dateOfExpiry,
        String sex,
        String optionalData,
        String optionalData2,
        List<String> lines,
        List<MrzIssue> errors,
        List<MrzRepair> repairs,
        List<MrzSuggestion> suggestions) {

    public MrzReading {
        lines = lines == null ? List.of() : List.copyOf(lines);
        errors = errors == null ? List.of() : List.copyOf(errors);
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        if (valid != errors.isEmpty()) {
            throw new IllegalArgumentException("valid must be " + errors.isEmpty() + " when there are "
                    + errors.size() + " errors; use validity(errors) to derive it");
        }
    }

    /** The only validity that agrees with the given errors; use it when building a reading. */
    public static boolean validity(List<MrzIssue> errors) {
        return errors == null || errors.isEmpty();
    }
}

package org.ibex.inquiry;

import org.ibex.input.FieldRuleException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whom a question is about: a name with a birth date, a travel document (its number, and the issuing state when
 * known), or fingerprint templates. Only what identifies the person travels; nothing else of the asker's file does.
 */
public record Subject(String surname, String givenNames, LocalDate birthDate, String documentNumber,
                      String issuingState, List<SubjectFinger> fingers) {
    /** At most one template per finger. */
    public static final int MAX_FINGERS = 10;
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9<]{1,40}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{3}");
    private static final int MAX_NAME = 200;

    public Subject {
        fingers = fingers == null ? List.of() : List.copyOf(fingers);
        if (fingers.size() > MAX_FINGERS
                || fingers.stream().map(SubjectFinger::position).distinct().count() != fingers.size()) {
            throw rule("subject.fingers", "size", "subject.fingers must hold at most one template per finger, "
                    + MAX_FINGERS + " in all");
        }
        surname = clean(surname);
        givenNames = clean(givenNames);
        documentNumber = clean(documentNumber);
        issuingState = clean(issuingState);
        if (surname != null && surname.length() > MAX_NAME) {
            throw rule("subject.surname", "too-long", "subject.surname must be at most " + MAX_NAME + " characters");
        }
        if (givenNames != null && givenNames.length() > MAX_NAME) {
            throw rule("subject.givenNames", "too-long", "subject.givenNames must be at most " + MAX_NAME
                    + " characters");
        }
        if (documentNumber != null && !DOCUMENT.matcher(documentNumber).matches()) {
            throw rule("subject.documentNumber", "format", "subject.documentNumber must be 1 to 40 of A-Z and 0-9");
        }
        if (issuingState != null && !STATE.matcher(issuingState).matches()) {
            throw rule("subject.issuingState", "format", "subject.issuingState must be 3 letters such as UTO");
        }
        if (documentNumber == null && (surname == null || birthDate == null) && fingers.isEmpty()) {
            throw rule("subject", "required", "subject needs a documentNumber, a surname with a birthDate, or"
                    + " fingers");
        }
        if (birthDate != null && (birthDate.isBefore(LocalDate.of(1900, 1, 1)) || birthDate.getYear() > 2200)) {
            throw rule("subject.birthDate", "range", "subject.birthDate must be a date from 1900 on");
        }
    }

    /** A subject by name and birth date or by document, without fingerprints. */
    public Subject(String surname, String givenNames, LocalDate birthDate, String documentNumber,
                   String issuingState) {
        this(surname, givenNames, birthDate, documentNumber, issuingState, List.of());
    }

    /** Whether the question carries fingerprints, which only an agreement with the biometric category allows. */
    public boolean hasPrints() {
        return !fingers.isEmpty();
    }

    /** Whether the question names the person (name, birth date or document), biographic data in the ledger. */
    public boolean hasBiographic() {
        return surname != null || documentNumber != null || birthDate != null;
    }

    /** How the ledger and the screens name the person asked about. */
    public String label() {
        StringBuilder label = new StringBuilder();
        if (surname != null) {
            label.append(surname);
            if (givenNames != null) {
                label.append(", ").append(givenNames);
            }
        }
        if (birthDate != null) {
            label.append(label.isEmpty() ? "" : " ").append("(").append(birthDate).append(")");
        }
        if (documentNumber != null) {
            label.append(label.isEmpty() ? "" : " ").append("document ")
                    .append(issuingState == null ? "" : issuingState + " ").append(documentNumber);
        }
        if (!fingers.isEmpty()) {
            label.append(label.isEmpty() ? "" : " ").append("fingerprints (").append(fingers.size()).append(")");
        }
        return label.toString();
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().toUpperCase(Locale.ROOT);
    }

    private static FieldRuleException rule(String field, String rule, String message) {
        return new FieldRuleException(field, rule, message);
    }
}

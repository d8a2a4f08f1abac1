package org.ibex.biometrics;

/**
 * A biometric act refused by a rule of who may do what. An unknown person and a person the actor's post may not
 * see are refused with the same kind and message, so a refusal never tells whether an id exists.
 */
public final class BiometricRefusal extends RuntimeException {
    /** The rule that refused; the web layer answers 404, 409 and 400 for them. */
    public enum Kind { UNKNOWN_PERSON, UNKNOWN_IDENTIFICATION, ENROLMENT_EXISTS, REASON_REQUIRED, INVALID_FIELD }

    private final Kind kind;
    private final String field;

    BiometricRefusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static BiometricRefusal unknownPerson(long personId) {
        return new BiometricRefusal(Kind.UNKNOWN_PERSON, null, "no person " + personId);
    }

    /** Another post's identification reads exactly as one that was never made. */
    static BiometricRefusal unknownIdentification(long identificationId) {
        return new BiometricRefusal(Kind.UNKNOWN_IDENTIFICATION, null, "no identification " + identificationId);
    }

    static BiometricRefusal reasonRequired(String why) {
        return new BiometricRefusal(Kind.REASON_REQUIRED, "reason", "reason is required: " + why);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field to blame, or null. */
    public String field() {
        return field;
    }
}

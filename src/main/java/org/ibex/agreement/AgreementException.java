package org.ibex.agreement;

/**
 * Why an agreement file is refused: {@link Kind#INVALID} when it reads but breaks a rule (the message names the field
 * or the signature), {@link Kind#UNUSABLE} when it cannot be read at all.
 */
public final class AgreementException extends Exception {
    /** Invalid documents and unusable input are told apart: {@code ibex agreement verify} exits 1 or 2. */
    public enum Kind { INVALID, UNUSABLE }

    private final Kind kind;
    private final String field;

    public AgreementException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON path of the field at fault ({@code agreement.rules[0].quota.perDay}, {@code signatures[1]}). */
    public String field() {
        return field;
    }
}

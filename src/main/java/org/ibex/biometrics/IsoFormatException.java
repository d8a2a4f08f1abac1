package org.ibex.biometrics;

/** Thrown when bytes are not a readable ISO/IEC 19794-2:2005 minutiae record; names the field and the rule broken. */
public class IsoFormatException extends RuntimeException {
    private final String field;
    private final String rule;

    public IsoFormatException(String field, String rule, String detail) {
        super("field " + field + ": " + detail);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}

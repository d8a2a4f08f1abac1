package org.ibex.document;

/** Thrown when text cannot be an MRZ at all (empty, binary, too long, no format's line shape); names the rule broken. */
public class MrzInputException extends RuntimeException {
    private final String field;
    private final String rule;

    public MrzInputException(String field, String rule, String message) {
        super(message);
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

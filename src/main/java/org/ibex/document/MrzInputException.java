package org.ibex.document;

import org.ibex.input.FieldRuleException;

/** Thrown when text cannot be an MRZ at all (empty, binary, too long, no format's line shape); names the rule broken. */
public class MrzInputException extends FieldRuleException {
    public MrzInputException(String field, String rule, String message) {
        super(field, rule, message);
    }

    @Override
    public String code() {
        return "invalid-mrz";
    }
}

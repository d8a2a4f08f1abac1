package org.ibex.input;

import java.util.List;

/**
 * Input that breaks a rule on a field: the one type every domain package throws for bad input, mapped once to the
 * API's error shape (400 with the field and the rule) and to the CLI's exit 2. {@code code} is the stable error code
 * the API answers; {@code details} lists every broken rule when there are several.
 */
public class FieldRuleException extends IllegalArgumentException {
    private final String field;
    private final String rule;

    public FieldRuleException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The field that broke the rule, as the request or file names it. */
    public String field() {
        return field;
    }

    /** The rule's stable code, e.g. {@code required}, {@code format}, {@code check-digit}. */
    public String rule() {
        return rule;
    }

    /** The API's error code for this kind of input. */
    public String code() {
        return "invalid-input";
    }

    /** Every broken rule when there are several; null when the field and rule say it all. */
    public List<?> details() {
        return null;
    }
}

package org.ibex.boundaries;

import org.ibex.input.FieldRuleException;

/** A boundary upload refused: the field names the feature by index ({@code features[3].properties.pcode}). */
public final class BoundaryException extends FieldRuleException {
    public BoundaryException(String field, String rule, String message) {
        super(field, rule, message);
    }
}

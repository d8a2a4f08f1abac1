package org.ibex.watchlist;

import org.ibex.input.FieldRuleException;

/** A watchlist value that breaks a rule, naming the field and the rule so importers can report both. */
public final class InvalidEntryException extends FieldRuleException {
    /** {@code rule} is one of the {@link RowError} constants. */
    public InvalidEntryException(String field, String rule, String message) {
        super(field, rule, message);
    }
}

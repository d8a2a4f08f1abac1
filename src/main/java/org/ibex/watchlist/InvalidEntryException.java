package org.ibex.watchlist;

/** A watchlist value that breaks a rule, naming the field and the rule so importers can report both. */
public final class InvalidEntryException extends IllegalArgumentException {
    private final String field;
    private final String rule;

    public InvalidEntryException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The field that broke the rule, as named in the record or the import file. */
    public String field() {
        return field;
    }

    /** The stable rule code, one of the {@link RowError} constants. */
    public String rule() {
        return rule;
    }
}

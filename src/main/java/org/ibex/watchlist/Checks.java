package org.ibex.watchlist;

/** Field checks shared by the watchlist records, each failing with the field and rule named. */
final class Checks {
    private Checks() {
    }

    /** A required text: present, not blank, at most {@code max} characters (code points). */
    static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidEntryException(field, RowError.REQUIRED, field + " is required and must not be blank");
        }
        length(field, value, max);
    }

    /** An optional text of at most {@code max} characters (code points). */
    static void length(String field, String value, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                throw new InvalidEntryException(field, RowError.TOO_LONG, field + " is " + length
                        + " characters long; the limit is " + max);
            }
        }
    }

    /** An optional code matching {@code pattern}; {@code expected} says in words what fits. */
    static void code(String field, String value, String pattern, String expected) {
        if (value != null && !value.matches(pattern)) {
            throw new InvalidEntryException(field, RowError.CODE, field + " '" + value + "' must be " + expected);
        }
    }
}

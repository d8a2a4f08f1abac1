package org.ibex.watchlist;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a list does with a namesake: a traveller whose name is as strong as the list asks but whose birth date
 * conflicts with every date the list gives for the person (one of them full).
 */
public enum NamesakePolicy {
    /** The default: the hit is returned and stored, flagged as a namesake, and does not stop the traveller. */
    SHOW,
    /** The hit alerts like any other, its birth-date conflict left out of the score: for lists of persons known to use false dates. */
    ALERT,
    /** The hit is not returned at all. */
    HIDE;

    /** Reads a policy in any case; a clear error naming the field otherwise. */
    public static NamesakePolicy parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (NamesakePolicy policy : values()) {
            if (policy.name().equals(key)) {
                return policy;
            }
        }
        throw new InvalidEntryException("namesakePolicy", RowError.CODE, "namesakePolicy '" + text + "' is not one of "
                + Arrays.toString(values()));
    }
}

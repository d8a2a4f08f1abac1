package org.ibex.watchlist;

import java.util.Arrays;
import java.util.Locale;

/** What the border officer must do when a traveller matches a watchlist entry. */
public enum EntryAction {
    REFER_TO_SECOND_LINE, REFUSE_ENTRY, NOTIFY_AUTHORITY, DETAIN;

    /**
     * Reads an action as lists write it: any case, words joined by spaces, hyphens or underscores
     * ("refuse entry", "Refuse-Entry"), or the first word alone ("refuse").
     */
    public static EntryAction parse(String text) {
        String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        for (EntryAction action : values()) {
            if (action.name().equals(key) || (!key.isEmpty() && action.name().startsWith(key + "_"))) {
                return action;
            }
        }
        throw new InvalidEntryException("action", RowError.ACTION, "action '" + text + "' is not one of "
                + Arrays.toString(values()) + " (case, spaces and hyphens do not matter)");
    }
}

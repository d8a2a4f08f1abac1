package org.ibex.watchlist;

import java.util.Arrays;
import java.util.Locale;

/** Why a travel document is listed. */
public enum DocumentStatus {
    LOST, STOLEN, REVOKED, INVALIDATED;

    /** Reads a status in any case, surrounding spaces ignored. */
    public static DocumentStatus parse(String text) {
        String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (DocumentStatus status : values()) {
            if (status.name().equals(key)) {
                return status;
            }
        }
        throw new InvalidEntryException("status", RowError.STATUS, "status '" + text + "' is not one of "
                + Arrays.toString(values()));
    }
}

package org.ibex.watchlist;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A lost, stolen, revoked or invalidated travel document. The number is kept normalised (see
 * {@link #normaliseNumber}); issuingState is an ICAO code (ISO alpha-3, or D for Germany) or null.
 */
public record DocumentEntry(String listId, String entryId, String documentNumber, String issuingState,
                            String documentType, DocumentStatus status, LocalDate reportedOn, String source) {
    public DocumentEntry {
        Checks.text("listId", listId, 60);
        Checks.text("entryId", entryId, 200);
        documentNumber = normaliseNumber(documentNumber);
        Checks.text("documentNumber", documentNumber, 50);
        Checks.code("issuingState", issuingState, "[A-Z]{1,3}", "an ICAO state code in upper case such as FRA or D");
        Checks.length("documentType", documentType, 50);
        if (status == null) {
            throw new InvalidEntryException("status", RowError.REQUIRED, "status is required: LOST, STOLEN,"
                    + " REVOKED or INVALIDATED");
        }
    }

    /**
     * A number as the MRZ and the officer's keyboard should both reach it: upper case, without spaces, hyphens,
     * dots, slashes or MRZ fillers ({@code <}). Null stays null.
     */
    public static String normaliseNumber(String number) {
        return number == null ? null : number.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-./<]", "");
    }
}

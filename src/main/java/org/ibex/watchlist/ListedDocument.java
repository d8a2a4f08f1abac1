package org.ibex.watchlist;

/**
 * A passport, identity card or other number a list gives for a listed person, so a traveller who shows it is
 * found by the document as well as by name. {@code number} is normalised as {@link DocumentEntry#normaliseNumber}
 * does; {@code type} is the list's own word ("Passport", "National Identification Number", "INN"), and
 * {@code issuingCountry} an alpha-3 code or null; {@code note} keeps what else the list says about it.
 */
public record ListedDocument(String number, String type, String issuingCountry, String note) {
    static final int MAX_NUMBER = 50;

    public ListedDocument {
        number = DocumentEntry.normaliseNumber(number);
        Checks.text("documents.number", number, MAX_NUMBER);
        Checks.length("documents.type", type, 100);
        if (issuingCountry != null && !CountryNames.isNationalityCode(issuingCountry)) {
            throw new InvalidEntryException("documents.issuingCountry", RowError.CODE, "issuing country '"
                    + issuingCountry + "' must be an ISO 3166-1 alpha-3 code or an ICAO Doc 9303 code");
        }
        Checks.length("documents.note", note, 500);
    }
}

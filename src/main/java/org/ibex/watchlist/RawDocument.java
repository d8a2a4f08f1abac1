package org.ibex.watchlist;

/** A listed person's document in our own JSON, as written, before it is checked: number, type, issuing country, note. */
record RawDocument(String number, String type, String issuingCountry, String note) {
}

package org.ibex.journal;

/** The kinds of record a post journals for headquarters. */
public final class RecordKinds {
    /** A crossing with the watchlist hits its screening stored. */
    public static final String CROSSING = "crossing";
    /** A supervisor's disposition of a hit. */
    public static final String DISPOSITION = "hit.disposition";
    /** Fingerprints enrolled for a person. */
    public static final String ENROLMENT = "enrolment";
    /** A 1:N identification of an undocumented person and its outcome. */
    public static final String IDENTIFICATION = "identification";

    private RecordKinds() {
    }
}

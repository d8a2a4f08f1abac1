package org.ibex.watchlist;

/**
 * The bounds every import parser holds to, so that a hostile or broken file costs bounded memory and time.
 * Field and row sizes count characters (UTF-16 units) after decoding.
 */
record ParseLimits(int maxFieldChars, int maxRowChars, int maxRows, int maxErrors, int progressEvery) {
    /** 64 KiB fields and 1 MiB rows match {@code CsvReader}'s field limit; 10 million rows is the largest list we plan for. */
    static final ParseLimits DEFAULT = new ParseLimits(64 * 1024, 1024 * 1024, 10_000_000, 10_000, 1_000);
}

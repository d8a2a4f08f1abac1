package org.ibex.document;

/** The machine readable zone layouts of ICAO Doc 9303: ID cards TD1 and TD2, passports TD3, visas MRV-A and MRV-B. */
public enum MrzFormat {
    /** ID card, 3 lines of 30 characters (Doc 9303 Part 5). */
    TD1,
    /** ID card, 2 lines of 36 characters (Doc 9303 Part 6). */
    TD2,
    /** Passport book, 2 lines of 44 characters (Doc 9303 Part 4). */
    TD3,
    /** Visa, 2 lines of 44 characters, document code starting with V (Doc 9303 Part 7). */
    MRVA,
    /** Visa, 2 lines of 36 characters, document code starting with V (Doc 9303 Part 7). */
    MRVB
}

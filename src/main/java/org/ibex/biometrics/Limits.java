package org.ibex.biometrics;

/** Bounds that keep hostile files from making the readers loop, allocate or decode without end. */
final class Limits {
    /** Far above a ten-print with palms (tens of MB); a bigger file is rejected before it is read. */
    static final long MAX_FILE_BYTES = 256L << 20;
    /** Records after Type 1; real transactions carry tens. */
    static final int MAX_RECORDS = 1000;
    /** Fields in one tagged record; the standard defines fewer than 1000 numbers per type. */
    static final int MAX_FIELDS = 10_000;
    /** "14.001" is 6 characters; leading zeros may lengthen it a little, not without end. */
    static final int MAX_TAG_LENGTH = 16;
    /** Pixel bounds checked before any decoder allocates for an image. */
    static final int MAX_SIDE = 20_000;
    static final long MAX_PIXELS = 100_000_000L;
    /** An ISO minutiae record is under 2 KB for one view; a few MB is generous for any template. */
    static final int MAX_TEMPLATE_BYTES = 4 << 20;

    private Limits() {
    }
}

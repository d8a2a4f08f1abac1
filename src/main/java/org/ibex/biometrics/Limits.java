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
    /** Pixel bounds a record may declare when it is read (listed, not decoded). */
    static final int MAX_SIDE = 20_000;
    static final long MAX_PIXELS = 100_000_000L;
    /** An ISO minutiae record is under 2 KB for one view; a few MB is generous for any template. */
    static final int MAX_TEMPLATE_BYTES = 4 << 20;

    /*
     * A finger image sent for enrolment, 1:1 or 1:N. A rolled print is at most about 1.6 x 1.6 inches and a plain
     * impression smaller, so even at 1000 ppi a real finger fits in 1,600 pixels a side; 2,500 a side and
     * 4 megapixels leave room for scanner margins and a 2.5-inch platen. Decoding more than that only costs memory:
     * SourceAFIS works at 500 ppi and would scale it down anyway.
     */
    static final int FINGER_MAX_SIDE = 2_500;
    static final long FINGER_MAX_PIXELS = 4_000_000L;
    /** An uncompressed 8-bit image at the pixel limit is 4 MB; WSQ, PNG and JPEG are far smaller. */
    static final long FINGER_MAX_ENCODED_BYTES = 5L << 20;

    /*
     * An image decoded out of an ANSI/NIST-ITL record (ibex nist images). The largest real one is a full palm
     * (Type 15, 5.5 x 8 inches) at 1000 ppi: 8,000 pixels long, 44 megapixels. A decode at that size needs
     * about 13 bytes a pixel (WSQ works in floats), some 600 MB, which the command line can give; more could not.
     */
    static final int RECORD_DECODE_MAX_SIDE = 8_000;
    static final long RECORD_DECODE_MAX_PIXELS = 44_000_000L;

    private Limits() {
    }
}

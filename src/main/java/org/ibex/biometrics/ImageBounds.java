package org.ibex.biometrics;

/**
 * How big one image may be before it is decoded: its encoded bytes, and the pixels its own header (or its
 * record) declares, read without decoding. Every decoding path checks these first, so a small file that
 * declares a huge image is refused before anything is allocated for it.
 */
record ImageBounds(String use, long maxEncodedBytes, int maxSide, long maxPixels) {
    /** Rule of a refusal for too many encoded bytes. */
    static final String BYTES = "bytes";
    /** Rule of a refusal for too many declared pixels. */
    static final String LIMIT = "limit";

    /** A finger image from a capture station or a request. */
    static final ImageBounds FINGER = new ImageBounds("a finger image", Limits.FINGER_MAX_ENCODED_BYTES,
            Limits.FINGER_MAX_SIDE, Limits.FINGER_MAX_PIXELS);
    /** An image in an ANSI/NIST-ITL record, palms included; its bytes are bounded by the file limit. */
    static final ImageBounds RECORD = new ImageBounds("a record image", Limits.MAX_FILE_BYTES,
            Limits.RECORD_DECODE_MAX_SIDE, Limits.RECORD_DECODE_MAX_PIXELS);

    void checkEncoded(long bytes, NistImageDecoder.ImageErrors errors) {
        if (bytes > maxEncodedBytes) {
            throw errors.error(BYTES, "the image has " + bytes + " bytes; " + use + " may have at most "
                    + maxEncodedBytes);
        }
    }

    void checkDeclared(int width, int height, NistImageDecoder.ImageErrors errors) {
        if (width <= 0 || height <= 0 || width > maxSide || height > maxSide || (long) width * height > maxPixels) {
            throw errors.error(LIMIT, "the image declares " + width + "x" + height + " pixels; " + use
                    + " may have at most " + maxSide + " a side and " + maxPixels + " in all");
        }
    }
}

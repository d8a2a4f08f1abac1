package org.ibex.biometrics;

/**
 * Checks a TIFF file's directories before ImageIO sees it: a tag whose declared values need more bytes than the
 * whole file holds is damage or forgery, and some TIFF readers allocate for that count before reading a single
 * value, so a file of a few kilobytes could exhaust the heap. Walked on the bytes, nothing allocated.
 */
final class TiffHeader {
    /** Far more directories and entries than any scanner writes; a loop in the chain stops here too. */
    private static final int MAX_DIRECTORIES = 16;
    private static final int MAX_ENTRIES = 4096;
    /** Bytes per value of TIFF field types 1-13 (index = type); unknown types count as one byte a value. */
    private static final int[] TYPE_SIZE = {1, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    private TiffHeader() {
    }

    static boolean isTiff(byte[] data) {
        return data.length >= 4 && (data[0] == 'I' && data[1] == 'I' && data[2] == 42 && data[3] == 0
                || data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 42
                || data[0] == 'I' && data[1] == 'I' && data[2] == 43 && data[3] == 0
                || data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 43);
    }

    static void check(byte[] tiff, NistImageDecoder.ImageErrors errors) {
        boolean little = tiff[0] == 'I';
        if ((tiff[2] | tiff[3]) == 43) {
            throw errors.error("format", "BigTIFF is not taken for a finger image; send a classic TIFF, PNG or WSQ");
        }
        if (tiff.length < 8) {
            throw errors.error("format", "the TIFF header is cut short");
        }
        long offset = unsigned32(tiff, 4, little);
        for (int directory = 0; offset != 0; directory++) {
            if (directory == MAX_DIRECTORIES) {
                throw errors.error("format", "the TIFF file chains more than " + MAX_DIRECTORIES + " directories");
            }
            if (offset < 8 || offset + 2 > tiff.length) {
                throw errors.error("format", "a TIFF directory offset (" + offset + ") points outside the file of "
                        + tiff.length + " bytes");
            }
            int at = (int) offset;
            int entries = unsigned16(tiff, at, little);
            if (entries > MAX_ENTRIES || at + 2L + 12L * entries + 4 > tiff.length) {
                throw errors.error("format", "a TIFF directory declares " + entries + " tags, more than the file holds");
            }
            for (int i = 0; i < entries; i++) {
                int entry = at + 2 + 12 * i;
                int tag = unsigned16(tiff, entry, little);
                int type = unsigned16(tiff, entry + 2, little);
                long count = unsigned32(tiff, entry + 4, little);
                long bytes = count * (type < TYPE_SIZE.length ? TYPE_SIZE[type] : 1);
                if (bytes > tiff.length) {
                    throw errors.error("format", "the TIFF tag " + tag + " declares " + count + " values (" + bytes
                            + " bytes), more than the whole file of " + tiff.length + " bytes: the file is damaged");
                }
            }
            offset = unsigned32(tiff, at + 2 + 12 * entries, little);
        }
    }

    private static int unsigned16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long unsigned32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (b[at + i] & 0xFF) << shift;
        }
        return value;
    }
}

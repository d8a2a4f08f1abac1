package org.ibex.biometrics;

/**
 * The frame size of a WSQ image, read from its SOF marker segment before the decoder sees the data, so that
 * a forged header cannot make the decoder allocate for a huge image.
 */
record WsqHeader(int width, int height) {
    private static final int SOI = 0xFFA0;
    private static final int SOF = 0xFFA2;
    private static final int SOB = 0xFFA3;

    /** Walks the marker segments after SOI up to SOF; every length is checked against the data. */
    static WsqHeader read(byte[] wsq, NistImageDecoder.ImageErrors errors) {
        if (wsq.length < 2 || unsigned16(wsq, 0) != SOI) {
            throw errors.error("format", "WSQ data does not start with the SOI marker FFA0");
        }
        int at = 2;
        while (at + 4 <= wsq.length) {
            int marker = unsigned16(wsq, at);
            int length = unsigned16(wsq, at + 2);
            if ((marker & 0xFF00) != 0xFF00 || marker == SOB) {
                throw errors.error("format", String.format("WSQ marker %04X at offset %d comes before any frame header (SOF)",
                        marker, at));
            }
            if (marker == SOF) {
                // SOF: length(2) black(1) white(1) height(2) width(2) ...
                if (length < 8 || at + 10 > wsq.length) {
                    throw errors.error("format", "WSQ frame header (SOF) is truncated");
                }
                return new WsqHeader(unsigned16(wsq, at + 8), unsigned16(wsq, at + 6));
            }
            if (length < 2) {
                throw errors.error("format", "WSQ marker segment at offset " + at + " declares length " + length);
            }
            at += 2 + length;
        }
        throw errors.error("format", "WSQ data ends before its frame header (SOF)");
    }

    private static int unsigned16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }
}

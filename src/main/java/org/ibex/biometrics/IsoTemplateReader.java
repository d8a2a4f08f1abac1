package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads ISO/IEC 19794-2:2005 finger minutiae records ("FMR\0", version " 20\0"). Every length and count is
 * checked against the bytes before it is used, and the record length must match the input exactly.
 */
public final class IsoTemplateReader {
    private static final byte[] MAGIC = {'F', 'M', 'R', 0};
    private static final byte[] VERSION_2005 = {' ', '2', '0', 0};
    private static final int HEADER = 24;
    private static final int VIEW_HEADER = 4;
    private static final int MINUTIA = 6;

    public IsoTemplate read(byte[] bytes) {
        if (bytes.length > Limits.MAX_TEMPLATE_BYTES) {
            throw new IsoFormatException("record length", "limit", bytes.length + " bytes is more than the "
                    + Limits.MAX_TEMPLATE_BYTES + " we accept for a template");
        }
        if (bytes.length < HEADER) {
            throw new IsoFormatException("header", "length", "needs " + HEADER + " bytes but the input has " + bytes.length);
        }
        if (!Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new IsoFormatException("format identifier", "magic", "expected 'FMR\\0' but found '"
                    + printable(bytes, 0, 4) + "'");
        }
        if (!Arrays.equals(bytes, 4, 8, VERSION_2005, 0, 4)) {
            throw new IsoFormatException("version", "version", "'" + printable(bytes, 4, 8)
                    + "' is not ' 20\\0' (19794-2:2005); other versions and ANSI 378 lay records out differently");
        }
        long declared = BinaryRecordParser.unsigned(bytes, 8, 4);
        if (declared != bytes.length) {
            throw new IsoFormatException("record length", "length", "declares " + declared + " bytes but the input has "
                    + bytes.length);
        }
        int equipment = u16(bytes, 12);
        int width = u16(bytes, 14);
        int height = u16(bytes, 16);
        int resolutionX = u16(bytes, 18);
        int resolutionY = u16(bytes, 20);
        if (resolutionX == 0 || resolutionY == 0) {
            throw new IsoFormatException("resolution", "value", "is " + resolutionX + "x" + resolutionY
                    + " pixels per cm; both must be positive");
        }
        int viewCount = bytes[22] & 0xFF;
        List<IsoFingerView> views = new ArrayList<>();
        int at = HEADER;
        for (int v = 0; v < viewCount; v++) {
            at = view(bytes, at, v + 1, width, height, views);
        }
        if (at != bytes.length) {
            throw new IsoFormatException("record length", "length", (bytes.length - at) + " bytes follow the last of "
                    + viewCount + " finger views");
        }
        return new IsoTemplate(equipment, width, height, resolutionX, resolutionY, views);
    }

    /** Reads view number {@code n} at {@code at}, adds it to {@code views} and returns the offset after it. */
    private static int view(byte[] bytes, int at, int n, int width, int height, List<IsoFingerView> views) {
        String where = "finger view " + n;
        need(bytes, at, VIEW_HEADER, where + " header");
        int position = bytes[at] & 0xFF;
        if (position > 15) {
            throw new IsoFormatException(where + " finger position", "value", position + " is not a finger code 0-15");
        }
        int viewNumber = (bytes[at + 1] & 0xFF) >> 4;
        int impression = bytes[at + 1] & 0x0F;
        int quality = bytes[at + 2] & 0xFF;
        if (quality > 100) {
            throw new IsoFormatException(where + " finger quality", "value", quality + " is above 100");
        }
        int count = bytes[at + 3] & 0xFF;
        at += VIEW_HEADER;
        need(bytes, at, count * MINUTIA, where + " minutiae (" + count + " declared)");
        List<IsoMinutia> minutiae = new ArrayList<>(count);
        for (int m = 0; m < count; m++, at += MINUTIA) {
            minutiae.add(minutia(bytes, at, where + " minutia " + (m + 1), width, height));
        }
        need(bytes, at, 2, where + " extended data block length");
        int extended = u16(bytes, at);
        at += 2;
        need(bytes, at, extended, where + " extended data block (" + extended + " bytes declared)");
        views.add(new IsoFingerView(position, viewNumber, impression, quality, minutiae,
                Arrays.copyOfRange(bytes, at, at + extended)));
        return at + extended;
    }

    private static IsoMinutia minutia(byte[] bytes, int at, String where, int width, int height) {
        int first = u16(bytes, at);
        int second = u16(bytes, at + 2);
        int x = first & 0x3FFF;
        int y = second & 0x3FFF;
        if (width > 0 && x >= width || height > 0 && y >= height) {
            throw new IsoFormatException(where, "position", "(" + x + ", " + y + ") lies outside the "
                    + width + "x" + height + " image");
        }
        int quality = bytes[at + 5] & 0xFF;
        if (quality > 100) {
            throw new IsoFormatException(where + " quality", "value", quality + " is above 100");
        }
        return new IsoMinutia(IsoMinutia.Kind.values()[first >> 14], x, y, bytes[at + 4] & 0xFF, quality);
    }

    private static void need(byte[] bytes, int at, int size, String field) {
        if (bytes.length - at < size) {
            throw new IsoFormatException(field, "length", "needs " + size + " bytes at offset " + at + " but only "
                    + (bytes.length - at) + " remain");
        }
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    private static String printable(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return text.toString();
    }
}

package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one binary record (types 3-8): a 4-byte big-endian LEN, a fixed header and data. Each header item
 * becomes a numbered text field, the rest field 999, so binary and tagged records look alike to callers.
 */
final class BinaryRecordParser {
    /** The fields, the record's IDC and the offset just past the record. */
    record Parsed(List<NistField> fields, int idc, int end) {
    }

    /** Header item sizes in bytes, in layout order from LEN. */
    private static final int[] IMAGE_LAYOUT = {4, 1, 1, 6, 1, 2, 2, 1};
    private static final int[] USER_DEFINED_LAYOUT = {4, 1};
    private static final int[] SIGNATURE_LAYOUT = {4, 1, 1, 1, 1, 2, 2};

    private BinaryRecordParser() {
    }

    static boolean binaryType(int type) {
        return type >= 3 && type <= 8;
    }

    static Parsed parse(byte[] in, int start, int index, int type) {
        int[] layout = type == 7 ? USER_DEFINED_LAYOUT : type == 8 ? SIGNATURE_LAYOUT : IMAGE_LAYOUT;
        int header = Arrays.stream(layout).sum();
        int remaining = in.length - start;
        if (remaining < 4) {
            throw NistFormatException.at(index, type, 1, "length", "needs 4 bytes for the record length but only "
                    + remaining + " remain");
        }
        long length = unsigned(in, start, 4);
        if (length > remaining) {
            throw NistFormatException.at(index, type, 1, "length", "declares " + length + " bytes but only "
                    + remaining + " remain");
        }
        if (length < header) {
            throw NistFormatException.at(index, type, 1, "length", "declares " + length
                    + " bytes, less than the " + header + "-byte header of a type " + type + " record");
        }
        List<NistField> fields = new ArrayList<>();
        int at = start;
        for (int item = 0; item < layout.length; item++) {
            int number = item + 1;
            String text = number == 4 && layout == IMAGE_LAYOUT ? positions(in, at) : String.valueOf(unsigned(in, at, layout[item]));
            fields.add(NistField.of(type, number, text));
            at += layout[item];
        }
        int end = start + (int) length;
        fields.add(new NistField(type, 999, "", Arrays.copyOfRange(in, at, end)));
        return new Parsed(fields, in[start + 4] & 0xFF, end);
    }

    /** The six FGP bytes as RS-separated codes; 255 marks an unused slot and is kept as written. */
    private static String positions(byte[] in, int at) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append(i == 0 ? "" : String.valueOf(NistField.RS)).append(in[at + i] & 0xFF);
        }
        return text.toString();
    }

    static long unsigned(byte[] in, int at, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | (in[at + i] & 0xFF);
        }
        return value;
    }
}

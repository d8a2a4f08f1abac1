package org.ibex.biometrics;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits one tagged record ("T.NNN:value" fields separated by GS, ended by FS) out of the input. The first
 * field is LEN, which delimits the record; field 999 holds binary data up to the record's closing FS, so it
 * is never scanned for separators.
 */
final class TaggedRecordParser {
    static final byte FS = 0x1C;
    static final byte GS = 0x1D;

    /** The fields and the offset just past the record. */
    record Parsed(List<NistField> fields, int end) {
    }

    private final byte[] in;
    private final int index;
    private final int type;

    private TaggedRecordParser(byte[] in, int index, int type) {
        this.in = in;
        this.index = index;
        this.type = type;
    }

    static Parsed parse(byte[] in, int start, int index, int type) {
        return new TaggedRecordParser(in, index, type).parse(start);
    }

    private Parsed parse(int start) {
        int remaining = in.length - start;
        int colon = tagEnd(start, in.length, "record start");
        int lengthNumber = fieldNumber(start, colon);
        if (lengthNumber != 1) {
            throw error(1, "order", "a record starts with its LEN field " + FieldNames.tag(type, 1) + ", not "
                    + text(start, colon));
        }
        int valueEnd = start;
        for (valueEnd = colon + 1; valueEnd < in.length && in[valueEnd] != GS && in[valueEnd] != FS; valueEnd++) {
            if (valueEnd - colon > 12) {
                throw error(1, "number", "'" + text(colon + 1, valueEnd) + "...' is not a record length");
            }
        }
        long length = number(1, text(colon + 1, valueEnd));
        if (length > remaining) {
            throw error(1, "length", "declares " + length + " bytes but only " + remaining + " remain");
        }
        if (length <= valueEnd - start) {
            throw error(1, "length", "declares " + length + " bytes, less than the LEN field itself");
        }
        int end = start + (int) length;
        if (in[end - 1] != FS) {
            throw error(1, "separator", "the record's last byte (offset " + (end - 1) + ") is 0x"
                    + Integer.toHexString(in[end - 1] & 0xFF) + ", not FS (0x1C): a separator is missing or LEN is wrong");
        }
        return new Parsed(fields(start, end - 1), end);
    }

    private List<NistField> fields(int start, int close) {
        List<NistField> fields = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int at = start;
        while (at < close) {
            if (fields.size() >= Limits.MAX_FIELDS) {
                throw error(fields.get(fields.size() - 1).number(), "count", "more than " + Limits.MAX_FIELDS + " fields");
            }
            int colon = tagEnd(at, close, fields.isEmpty() ? "record start"
                    : "after " + FieldNames.label(type, fields.get(fields.size() - 1).number()));
            int number = fieldNumber(at, colon);
            if (!seen.add(number)) {
                throw error(number, "duplicate", "appears twice in the record");
            }
            if (number == 999) {
                fields.add(new NistField(type, number, "", java.util.Arrays.copyOfRange(in, colon + 1, close)));
                return fields;
            }
            int valueEnd = colon + 1;
            while (valueEnd < close && in[valueEnd] != GS) {
                if (in[valueEnd] == FS) {
                    throw error(number, "separator", "contains FS (0x1C) at offset " + valueEnd
                            + " before the end of the record: a separator is missing or LEN is wrong");
                }
                valueEnd++;
            }
            fields.add(NistField.of(type, number, text(colon + 1, valueEnd)));
            at = valueEnd + 1;
        }
        return fields;
    }

    /** Offset of the ':' ending the tag that starts at {@code at}. */
    private int tagEnd(int at, int limit, String where) {
        for (int i = at; i < limit && i - at <= Limits.MAX_TAG_LENGTH; i++) {
            if (in[i] == ':') {
                return i;
            }
            if (in[i] == GS || in[i] == FS) {
                break;
            }
        }
        throw new NistFormatException(index, type, where + " (offset " + at + ")", "tag", "expected a tag '" + type
                + ".NNN:' but found '" + printable(at, Math.min(limit, at + Limits.MAX_TAG_LENGTH)) + "'");
    }

    /** The field number of tag "T.NNN", checking T against the record type. */
    private int fieldNumber(int at, int colon) {
        String tag = text(at, colon);
        int dot = tag.indexOf('.');
        if (dot <= 0 || dot == tag.length() - 1 || !digits(tag.substring(0, dot)) || !digits(tag.substring(dot + 1))
                || dot > 3 || tag.length() - dot - 1 > 9) {
            throw new NistFormatException(index, type, printable(at, colon), "tag",
                    "tag is not numeric: expected RECORDTYPE.FIELD such as " + FieldNames.tag(type, 1));
        }
        int tagType = Integer.parseInt(tag.substring(0, dot));
        int number = Integer.parseInt(tag.substring(dot + 1));
        if (tagType != type) {
            throw new NistFormatException(index, type, tag, "tag", "belongs to record type " + tagType
                    + ", but CNT 1.003 lists this record as type " + type);
        }
        if (number < 1 || number > 999) {
            throw new NistFormatException(index, type, tag, "tag", "field numbers run from 1 to 999");
        }
        return number;
    }

    private long number(int field, String text) {
        if (!digits(text)) {
            throw error(field, "number", "'" + text + "' is not a number");
        }
        return Long.parseLong(text);
    }

    private NistFormatException error(int field, String rule, String detail) {
        return NistFormatException.at(index, type, field, rule, detail);
    }

    static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 when the bytes are valid UTF-8 (ASCII is), else Latin-1, which keeps every byte. */
    private String text(int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    private String printable(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to && i < in.length; i++) {
            int b = in[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return text.toString();
    }
}

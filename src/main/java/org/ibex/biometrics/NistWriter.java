package org.ibex.biometrics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes transactions of tagged records (Type 1, 2, 14 and the like) in traditional encoding. The writer owns
 * the bookkeeping fields: every LEN, each record's IDC (x.002) and Type 1's CNT are computed from the records
 * given, replacing any the caller supplied. Binary records (types 3-8) are not written: send Type 14 instead.
 */
public final class NistWriter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** The transaction's bytes, such as to re-send one read earlier (if it has no binary records). */
    public byte[] write(NistTransaction transaction) {
        return write(transaction.records());
    }

    /** The transaction's bytes; records are written in the order given, the first being Type 1. */
    public byte[] write(List<NistRecord> records) {
        if (records.isEmpty() || records.get(0).type() != 1) {
            throw new IllegalArgumentException("a transaction starts with its Type 1 record");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<NistRecord> rest = records.subList(1, records.size());
        out.writeBytes(record(records.get(0), List.of(NistField.of(1, 3, cnt(rest)))));
        for (NistRecord record : rest) {
            if (record.binary() || record.type() == 1) {
                throw new IllegalArgumentException("record type " + record.type() + " cannot be written here: "
                        + "only one Type 1, first, and tagged records (types 2, 9-99) follow it");
            }
            out.writeBytes(record(record, List.of(NistField.of(record.type(), 2, String.format("%02d", record.idc())))));
        }
        return out.toByteArray();
    }

    /**
     * A Type 14 record for a fingerprint image, compressed as PNG (lossless; we have no WSQ encoder). The image
     * is converted to 8-bit grayscale.
     */
    public static NistRecord fingerprint(int idc, BufferedImage image, int ppi, FingerPosition position,
                                         ImpressionType impression, String source, LocalDate captured) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(gray, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of an in-memory image failed", e);
        }
        List<NistField> fields = List.of(
                NistField.of(14, 3, String.valueOf(impression.code())),
                NistField.of(14, 4, source),
                NistField.of(14, 5, captured.format(DATE)),
                NistField.of(14, 6, String.valueOf(image.getWidth())),
                NistField.of(14, 7, String.valueOf(image.getHeight())),
                NistField.of(14, 8, "1"),
                NistField.of(14, 9, String.valueOf(ppi)),
                NistField.of(14, 10, String.valueOf(ppi)),
                NistField.of(14, 11, "PNG"),
                NistField.of(14, 12, "8"),
                NistField.of(14, 13, String.valueOf(position.code())),
                NistField.data(14, 999, png.toByteArray()));
        return NistRecord.of(14, idc, fields);
    }

    /** "1~N" and then "type~IDC" for each record after Type 1. */
    private static String cnt(List<NistRecord> rest) {
        StringBuilder cnt = new StringBuilder("1").append(NistField.US).append(rest.size());
        for (NistRecord record : rest) {
            cnt.append(NistField.RS).append(record.type()).append(NistField.US).append(String.format("%02d", record.idc()));
        }
        return cnt.toString();
    }

    /** One record: LEN first, then the fields by number with the writer's own replacing the caller's, data last. */
    private static byte[] record(NistRecord record, List<NistField> owned) {
        List<NistField> fields = new ArrayList<>(owned);
        for (NistField field : record.fields()) {
            if (field.number() != 1 && owned.stream().noneMatch(o -> o.number() == field.number())) {
                fields.add(field);
            }
        }
        fields.sort(Comparator.comparingInt(NistField::number));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (NistField field : fields) {
            body.write(TaggedRecordParser.GS);
            body.writeBytes((field.tag() + ":").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(field.number() == 999 ? field.dataUnsafe() : text(field));
        }
        body.write(TaggedRecordParser.FS);
        String lenTag = FieldNames.tag(record.type(), 1) + ":";
        int length = length(lenTag.length(), body.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes((lenTag + length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** LEN counts its own digits, so adding them can add a digit: iterate until the count is stable. */
    private static int length(int tagLength, int bodyLength) {
        int length = tagLength + bodyLength;
        while (tagLength + String.valueOf(length).length() + bodyLength != length) {
            length = tagLength + String.valueOf(length).length() + bodyLength;
        }
        return length;
    }

    private static byte[] text(NistField field) {
        for (char c : field.text().toCharArray()) {
            if (c == TaggedRecordParser.GS || c == TaggedRecordParser.FS) {
                throw new IllegalArgumentException("field " + field.tag() + " contains a GS or FS separator; only RS "
                        + "and US may appear inside a value");
            }
        }
        return field.text().getBytes(StandardCharsets.UTF_8);
    }
}

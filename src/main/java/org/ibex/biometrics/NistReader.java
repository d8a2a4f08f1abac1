package org.ibex.biometrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ANSI/NIST-ITL transactions in traditional encoding (1-2000, 1-2007, 1-2011). The Type 1 record's CNT
 * field says which records follow; that is the only way to know where a binary record starts. Records of
 * types we do not interpret are kept with their fields and data. Images stay compressed; see
 * {@link NistImageDecoder}.
 */
public final class NistReader {
    /** A record listed in CNT (1.003): its type and IDC. */
    private record Listed(int type, int idc) {
    }

    /** Reads a file, refusing one over {@value Limits#MAX_FILE_BYTES} bytes before reading it. */
    public NistTransaction read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Limits.MAX_FILE_BYTES + 1);
            if (bytes.length > Limits.MAX_FILE_BYTES) {
                throw NistFormatException.at(1, 1, 1, "limit", "the file is larger than " + Limits.MAX_FILE_BYTES
                        + " bytes, more than any transaction we accept");
            }
            return read(bytes);
        }
    }

    public NistTransaction read(byte[] bytes) {
        if (bytes.length == 0) {
            throw NistFormatException.at(1, 1, 1, "empty", "the file is empty; a transaction starts with '1.001:'");
        }
        TaggedRecordParser.Parsed first = TaggedRecordParser.parse(bytes, 0, 1, 1);
        NistRecord type1 = new NistRecord(1, 1, 0, first.fields(), Optional.empty());
        List<Listed> listed = listed(type1);
        double nsr = resolution(type1, 11);
        double ntr = resolution(type1, 12);
        List<NistRecord> records = new ArrayList<>(List.of(type1));
        int at = first.end();
        for (Listed entry : listed) {
            int index = records.size() + 1;
            if (at >= bytes.length) {
                throw NistFormatException.at(index, entry.type(), 1, "count", "CNT 1.003 lists " + listed.size()
                        + " records after Type 1, but the file ends after " + (index - 2));
            }
            NistRecord record = BinaryRecordParser.binaryType(entry.type())
                    ? binary(bytes, at, index, entry.type(), nsr, ntr) : tagged(bytes, at, index, entry.type());
            records.add(record);
            at = end(bytes, at, record);
        }
        checkTrailing(bytes, at, listed.size());
        return new NistTransaction(records);
    }

    private static NistRecord binary(byte[] bytes, int at, int index, int type, double nsr, double ntr) {
        BinaryRecordParser.Parsed parsed = BinaryRecordParser.parse(bytes, at, index, type);
        return new NistRecord(index, type, parsed.idc(), parsed.fields(),
                ImageSummaries.binary(index, type, parsed.fields(), nsr, ntr));
    }

    private static NistRecord tagged(byte[] bytes, int at, int index, int type) {
        TaggedRecordParser.Parsed parsed = TaggedRecordParser.parse(bytes, at, index, type);
        NistRecord plain = new NistRecord(index, type, 0, parsed.fields(), Optional.empty());
        String idc = plain.text(2).orElseThrow(() -> NistFormatException.at(index, type, 2, "missing",
                "every record after Type 1 has an IDC"));
        if (!TaggedRecordParser.digits(idc.trim()) || idc.trim().length() > 9) {
            throw NistFormatException.at(index, type, 2, "number", "'" + idc + "' is not a number");
        }
        return new NistRecord(index, type, Integer.parseInt(idc.trim()), parsed.fields(),
                ImageSummaries.tagged(index, type, parsed.fields()));
    }

    /** Where the record ends: LEN from its first field, already checked against the input. */
    private static int end(byte[] bytes, int at, NistRecord record) {
        return at + Integer.parseInt(record.text(1).orElseThrow().trim());
    }

    /** The records CNT (1.003) lists after Type 1: "1~N" then one "type~IDC" subfield per record. */
    private static List<Listed> listed(NistRecord type1) {
        NistField cnt = type1.field(3).orElseThrow(() -> NistFormatException.at(1, 1, 3, "missing",
                "Type 1 must list the transaction's records"));
        List<List<String>> subfields = cnt.subfields();
        List<String> head = subfields.get(0);
        if (head.size() < 2 || !head.get(0).trim().equals("1") || !TaggedRecordParser.digits(head.get(1).trim())) {
            throw NistFormatException.at(1, 1, 3, "format", "the first subfield must be '1' and the record count, not '"
                    + String.join("~", head) + "'");
        }
        if (subfields.size() - 1 > Limits.MAX_RECORDS) {
            throw NistFormatException.at(1, 1, 3, "limit", "lists " + (subfields.size() - 1) + " records, more than "
                    + Limits.MAX_RECORDS);
        }
        if (Long.parseLong(head.get(1).trim()) != subfields.size() - 1) {
            throw NistFormatException.at(1, 1, 3, "count", "says " + head.get(1).trim() + " records follow but lists "
                    + (subfields.size() - 1));
        }
        List<Listed> listed = new ArrayList<>();
        for (List<String> subfield : subfields.subList(1, subfields.size())) {
            if (subfield.size() < 2 || !TaggedRecordParser.digits(subfield.get(0).trim())
                    || !TaggedRecordParser.digits(subfield.get(1).trim()) || subfield.get(0).trim().length() > 3
                    || subfield.get(1).trim().length() > 9) {
                throw NistFormatException.at(1, 1, 3, "format", "entry '" + String.join("~", subfield)
                        + "' is not RECORDTYPE~IDC");
            }
            int type = Integer.parseInt(subfield.get(0).trim());
            if (type < 2) {
                throw NistFormatException.at(1, 1, 3, "format", "entry '" + String.join("~", subfield)
                        + "' names record type " + type + "; only the first record is Type 1");
            }
            listed.add(new Listed(type, Integer.parseInt(subfield.get(1).trim())));
        }
        return listed;
    }

    /** 1.011 NSR / 1.012 NTR in pixels per mm; "00.00" (common when no Type 4 follows) and junk read as 0. */
    private static double resolution(NistRecord type1, int field) {
        try {
            double ppmm = Double.parseDouble(type1.text(field).orElse("0").trim());
            return Double.isFinite(ppmm) && ppmm > 0 && ppmm < 1000 ? ppmm : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Padding (NUL, whitespace) after the last record is tolerated; anything else means CNT is short. */
    private static void checkTrailing(byte[] bytes, int at, int listed) {
        for (int i = at; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != 0 && b != '\n' && b != '\r' && b != ' ') {
                throw NistFormatException.at(1, 1, 3, "count", "lists " + listed + " records after Type 1, but "
                        + (bytes.length - at) + " more bytes follow the last one");
            }
        }
    }
}

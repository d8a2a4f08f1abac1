package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of a record: text (with subfields split by RS and information items by US) or, for the image
 * field 999 and binary records, raw bytes. Header items of binary records appear as numbered text fields.
 */
public record NistField(int recordType, int number, String text, byte[] data) {
    static final char RS = 0x1E;
    static final char US = 0x1F;

    public NistField {
        Objects.requireNonNull(text, "text");
        data = data == null ? new byte[0] : data;
    }

    /** A text field; subfields and items separated by RS (0x1E) and US (0x1F) as the standard writes them. */
    public static NistField of(int recordType, int number, String text) {
        return new NistField(recordType, number, text, null);
    }

    /** A binary field, the image data of field 999. */
    public static NistField data(int recordType, int number, byte[] data) {
        return new NistField(recordType, number, "", data.clone());
    }

    /** "14.013". */
    public String tag() {
        return FieldNames.tag(recordType, number);
    }

    /** The standard's mnemonic ("FGP"), or an empty string for user-defined fields. */
    public String name() {
        return FieldNames.name(recordType, number);
    }

    public boolean binary() {
        return data.length > 0 || number == 999;
    }

    /** The subfields, each a list of information items; a plain value is one subfield of one item. */
    public List<List<String>> subfields() {
        List<List<String>> subfields = new ArrayList<>();
        for (String subfield : text.split(String.valueOf(RS), -1)) {
            subfields.add(List.of(subfield.split(String.valueOf(US), -1)));
        }
        return List.copyOf(subfields);
    }

    /** The bytes (a copy) of a binary field. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Size of the binary data without copying it. */
    public int dataLength() {
        return data.length;
    }

    byte[] dataUnsafe() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NistField f && f.recordType == recordType && f.number == number && f.text.equals(text)
                && java.util.Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordType, number, text, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return FieldNames.label(recordType, number) + (binary() ? " <" + data.length + " bytes>" : " " + text);
    }
}

package org.ibex.biometrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One logical record: its 1-based place in the file, type, IDC, fields in file order and, for image records, the image. */
public record NistRecord(int index, int type, int idc, List<NistField> fields, Optional<NistImage> image) {
    public NistRecord {
        fields = List.copyOf(fields);
        Objects.requireNonNull(image, "image");
    }

    /** A record to write: the writer numbers it and fills in LEN (and IDC, CNT). */
    public static NistRecord of(int type, int idc, List<NistField> fields) {
        return new NistRecord(0, type, idc, fields, Optional.empty());
    }

    public Optional<NistField> field(int number) {
        return fields.stream().filter(f -> f.number() == number).findFirst();
    }

    /** The text of a field, or empty when the record lacks it. */
    public Optional<String> text(int number) {
        return field(number).map(NistField::text);
    }

    /** Binary records (types 3-8) have fixed layouts instead of tagged fields. */
    public boolean binary() {
        return type >= 3 && type <= 8;
    }

    @Override
    public String toString() {
        return "NistRecord[" + index + " type " + type + " idc " + idc + ", " + fields.size() + " fields"
                + image.map(i -> ", " + i).orElse("") + "]";
    }
}

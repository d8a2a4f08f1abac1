package org.ibex.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each field lies in each format (Doc 9303 Parts 4-7). Check fields share the name of the field they check.
 * personalNumberCheck, optionalData2 and compositeCheck are null where the format has none.
 */
record MrzLayout(
        MrzFormat format,
        Field documentCode,
        Field issuingState,
        Field name,
        Field documentNumber,
        Field documentNumberCheck,
        Field nationality,
        Field dateOfBirth,
        Field dateOfBirthCheck,
        Field sex,
        Field dateOfExpiry,
        Field dateOfExpiryCheck,
        Field optionalData,
        Field personalNumberCheck,
        Field optionalData2,
        Field compositeCheck,
        List<Field> compositeParts) {

    private static final MrzLayout TD1 = new MrzLayout(MrzFormat.TD1,
            f("documentCode", 1, 1, 2), f("issuingState", 1, 3, 3), f("name", 3, 1, 30),
            f("documentNumber", 1, 6, 9), f("documentNumber", 1, 15, 1),
            f("nationality", 2, 16, 3),
            f("dateOfBirth", 2, 1, 6), f("dateOfBirth", 2, 7, 1), f("sex", 2, 8, 1),
            f("dateOfExpiry", 2, 9, 6), f("dateOfExpiry", 2, 15, 1),
            f("optionalData", 1, 16, 15), null, f("optionalData2", 2, 19, 11),
            f("composite", 2, 30, 1),
            List.of(f("composite", 1, 6, 25), f("composite", 2, 1, 7), f("composite", 2, 9, 7),
                    f("composite", 2, 19, 11)));
    private static final MrzLayout TD2 = twoLines(MrzFormat.TD2, 36, 7, false, true);
    private static final MrzLayout TD3 = twoLines(MrzFormat.TD3, 44, 14, true, true);
    private static final MrzLayout MRVA = twoLines(MrzFormat.MRVA, 44, 16, false, false);
    private static final MrzLayout MRVB = twoLines(MrzFormat.MRVB, 36, 8, false, false);

    static MrzLayout of(MrzFormat format) {
        return switch (format) {
            case TD1 -> TD1;
            case TD2 -> TD2;
            case TD3 -> TD3;
            case MRVA -> MRVA;
            case MRVB -> MRVB;
        };
    }

    /** TD1 and TD2 may continue a document number longer than 9 characters into the optional data. */
    boolean allowsLongDocumentNumber() {
        return format == MrzFormat.TD1 || format == MrzFormat.TD2;
    }

    /** Fields that hold only digits, where a letter is an OCR misreading. */
    List<Field> digitFields() {
        List<Field> fields = new ArrayList<>(List.of(documentNumberCheck, dateOfBirth, dateOfBirthCheck, dateOfExpiry,
                dateOfExpiryCheck));
        if (personalNumberCheck != null) {
            fields.add(personalNumberCheck);
        }
        if (compositeCheck != null) {
            fields.add(compositeCheck);
        }
        return fields;
    }

    /** Fields that hold only letters and fillers, where a digit is an OCR misreading. */
    List<Field> letterFields() {
        return List.of(documentCode, issuingState, nationality, name);
    }

    /** The two-line formats share line 1 and the first 28 characters of line 2. */
    private static MrzLayout twoLines(MrzFormat format, int length, int optionalLength, boolean personalNumber,
                                      boolean composite) {
        Field optional = f("optionalData", 2, 29, optionalLength);
        Field personalCheck = personalNumber ? f("personalNumber", 2, 29 + optionalLength, 1) : null;
        Field compositeCheck = composite ? f("composite", 2, length, 1) : null;
        List<Field> parts = composite
                ? List.of(f("composite", 2, 1, 10), f("composite", 2, 14, 7), f("composite", 2, 22, length - 22))
                : List.of();
        return new MrzLayout(format,
                f("documentCode", 1, 1, 2), f("issuingState", 1, 3, 3), f("name", 1, 6, length - 5),
                f("documentNumber", 2, 1, 9), f("documentNumber", 2, 10, 1),
                f("nationality", 2, 11, 3),
                f("dateOfBirth", 2, 14, 6), f("dateOfBirth", 2, 20, 1), f("sex", 2, 21, 1),
                f("dateOfExpiry", 2, 22, 6), f("dateOfExpiry", 2, 28, 1),
                optional, personalCheck, null, compositeCheck, parts);
    }

    private static Field f(String name, int line, int column, int length) {
        return new Field(name, line, column, length);
    }
}

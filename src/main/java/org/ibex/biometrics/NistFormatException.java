package org.ibex.biometrics;

/** Thrown when bytes are not a readable ANSI/NIST-ITL transaction or image; names the record, the field and the rule broken. */
public class NistFormatException extends RuntimeException {
    private final int recordIndex;
    private final int recordType;
    private final String field;
    private final String rule;

    /**
     * @param recordIndex 1-based position of the record in the file; 0 for an image outside a transaction
     * @param field       tag and name, such as {@code 14.001 LEN}
     */
    public NistFormatException(int recordIndex, int recordType, String field, String rule, String detail) {
        super(where(recordIndex, recordType, field) + detail);
        this.recordIndex = recordIndex;
        this.recordType = recordType;
        this.field = field;
        this.rule = rule;
    }

    NistFormatException(int recordIndex, int recordType, String field, String rule, String detail, Throwable cause) {
        this(recordIndex, recordType, field, rule, detail);
        initCause(cause);
    }

    /** An error at field {@code number} of a record, named from the field table ("14.001 LEN"). */
    static NistFormatException at(int recordIndex, int recordType, int number, String rule, String detail) {
        return new NistFormatException(recordIndex, recordType, FieldNames.label(recordType, number), rule, detail);
    }

    private static String where(int recordIndex, int recordType, String field) {
        String record = recordIndex > 0 ? "record " + recordIndex + " (type " + recordType + "), " : "";
        return record + "field " + field + ": ";
    }

    public int recordIndex() {
        return recordIndex;
    }

    public int recordType() {
        return recordType;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}

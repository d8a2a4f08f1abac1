package org.ibex.biometrics;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Optional;

/**
 * Friction ridge position codes shared by ANSI/NIST-ITL (FGP) and ISO/IEC 19794-2: 0 unknown, fingers 1-10,
 * plain and slap captures 11-15.
 */
public enum FingerPosition {
    UNKNOWN(0, "unknown finger"),
    RIGHT_THUMB(1, "right thumb"),
    RIGHT_INDEX(2, "right index finger"),
    RIGHT_MIDDLE(3, "right middle finger"),
    RIGHT_RING(4, "right ring finger"),
    RIGHT_LITTLE(5, "right little finger"),
    LEFT_THUMB(6, "left thumb"),
    LEFT_INDEX(7, "left index finger"),
    LEFT_MIDDLE(8, "left middle finger"),
    LEFT_RING(9, "left ring finger"),
    LEFT_LITTLE(10, "left little finger"),
    PLAIN_RIGHT_THUMB(11, "plain right thumb"),
    PLAIN_LEFT_THUMB(12, "plain left thumb"),
    PLAIN_RIGHT_FOUR_FINGERS(13, "plain right four fingers"),
    PLAIN_LEFT_FOUR_FINGERS(14, "plain left four fingers"),
    PLAIN_THUMBS(15, "plain thumbs");

    private static final FingerPosition[] BY_CODE = values();
    private static final int LAST_FINGER = 10;

    private final int code;
    private final String label;

    FingerPosition(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** Words for an officer or a refusal message, e.g. "right index finger". */
    public String label() {
        return label;
    }

    /** The position with this code; empty for palm codes (20 and up) and codes the standards leave unassigned here. */
    public static Optional<FingerPosition> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /** Reads a position from a request as its code (2) or its name (RIGHT_INDEX): partners send codes. */
    @JsonCreator
    public static FingerPosition fromJson(Object value) {
        if (value instanceof Number number) {
            return of(number.intValue()).orElseThrow(() ->
                    new IllegalArgumentException("finger position code must be 0 to 15, was " + number));
        }
        String text = String.valueOf(value).strip();
        if (text.matches("\\d{1,2}")) {
            return fromJson(Integer.parseInt(text));
        }
        try {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("finger position must be a code 1-10 or a name such as RIGHT_INDEX, was " + text);
        }
    }

    /** One finger (or unknown) for enrolment and matching; slap and palm codes are refused with the rule. */
    public static FingerPosition ofCode(int code) {
        if (code < 0 || code > LAST_FINGER) {
            throw new IllegalArgumentException("finger position code must be 0 (unknown) to 10 (left little), was " + code);
        }
        return BY_CODE[code];
    }
}

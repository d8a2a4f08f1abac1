package org.ibex.biometrics;

import java.util.Arrays;
import java.util.Optional;

/** How a friction ridge image was captured (ANSI/NIST-ITL IMP, ISO/IEC 19794-2 impression type). */
public enum ImpressionType {
    LIVE_SCAN_PLAIN(0),
    LIVE_SCAN_ROLLED(1),
    NONLIVE_SCAN_PLAIN(2),
    NONLIVE_SCAN_ROLLED(3),
    LATENT_IMPRESSION(4),
    LATENT_TRACING(5),
    LATENT_PHOTO(6),
    LATENT_LIFT(7),
    LIVE_SCAN_SWIPE(8),
    LIVE_SCAN_PALM(10),
    NONLIVE_SCAN_PALM(11),
    LATENT_PALM_IMPRESSION(12),
    LATENT_PALM_TRACING(13),
    LATENT_PALM_PHOTO(14),
    LATENT_PALM_LIFT(15),
    OTHER(28),
    UNKNOWN(29);

    private final int code;

    ImpressionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code; empty for codes not listed here (the caller keeps the number). */
    public static Optional<ImpressionType> of(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}

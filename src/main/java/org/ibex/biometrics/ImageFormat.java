package org.ibex.biometrics;

import java.util.Locale;

/** How an image record's data is compressed, from its compression field (CGA/GCA); {@link #OTHER} for codes we do not know. */
public enum ImageFormat {
    NONE, WSQ, JPEG, JPEG_LOSSLESS, JP2, JP2_LOSSLESS, PNG, OTHER;

    /** The numeric codes of binary records (Type 4 GCA): 0 none, 1 WSQ, 2 JPEGB, 3 JPEGL, 4 JP2, 5 JP2L, 6 PNG. */
    static ImageFormat ofBinaryCode(int code) {
        ImageFormat[] byCode = {NONE, WSQ, JPEG, JPEG_LOSSLESS, JP2, JP2_LOSSLESS, PNG};
        return code >= 0 && code < byCode.length ? byCode[code] : OTHER;
    }

    /** The text codes of tagged records (CGA): NONE, WSQ20, JPEGB, JPEGL, JP2, JP2L, PNG, plus older spellings. */
    static ImageFormat ofText(String code) {
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "NONE", "0" -> NONE;
            case "WSQ20", "WSQ", "1" -> WSQ;
            case "JPEGB", "JPEG", "2" -> JPEG;
            case "JPEGL", "3" -> JPEG_LOSSLESS;
            case "JP2", "4" -> JP2;
            case "JP2L", "5" -> JP2_LOSSLESS;
            case "PNG", "6" -> PNG;
            default -> OTHER;
        };
    }
}

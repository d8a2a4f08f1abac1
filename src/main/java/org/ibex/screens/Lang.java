package org.ibex.screens;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the screens, each with one pinned locale for dates and numbers: the JDK and browsers differ on
 * Arabic digits and the Thai calendar, so the choice is made here once (Thai dates stay in the JDK's ISO calendar,
 * Gregorian years, which browsers would have replaced by the Buddhist era). Documents print Latin digits and Gregorian
 * dates, so officers read both the same way on screen.
 */
public enum Lang {
    EN("en", "English", false, "en-GB"),
    FR("fr", "Français", false, "fr-FR"),
    AR("ar", "العربية", true, "ar-u-nu-latn"),
    TH("th", "ไทย", false, "th-TH-u-nu-latn");

    private final String code;
    private final String ownName;
    private final boolean rightToLeft;
    private final Locale locale;

    Lang(String code, String ownName, boolean rightToLeft, String pinnedTag) {
        this.code = code;
        this.ownName = ownName;
        this.rightToLeft = rightToLeft;
        this.locale = Locale.forLanguageTag(pinnedTag);
    }

    /** The language code as `lang` and the bundles name it. */
    public String code() {
        return code;
    }

    /** The language's name in itself, as a picker shows it. */
    public String ownName() {
        return ownName;
    }

    /** The one value of `dir` on the root element: the whole layout mirrors from it. */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return locale;
    }

    public DateTimeFormatter dates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).localizedBy(locale);
    }

    public DateTimeFormatter dateTimes() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).localizedBy(locale);
    }

    public NumberFormat numbers() {
        return NumberFormat.getIntegerInstance(locale);
    }

    public static Optional<Lang> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Lang lang : values()) {
            if (lang.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The first supported language of an Accept-Language header, English when none is. */
    public static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String primary = range.getRange().split("-")[0];
                Optional<Lang> lang = of(primary);
                if (lang.isPresent()) {
                    return lang.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        return EN;
    }
}

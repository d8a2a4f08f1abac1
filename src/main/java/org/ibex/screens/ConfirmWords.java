package org.ibex.screens;

import java.util.List;

/** The words of identity confirmation: purposes, categories and refusals, falling back on the questions' words. */
public final class ConfirmWords {
    private ConfirmWords() {
    }

    public static String purpose(Texts t, String code) {
        String key = "confirm.purpose." + code;
        return code != null && t.has(key) ? t.t(key) : InquiryWords.purpose(t, code == null ? "" : code);
    }

    public static String category(Texts t, String code) {
        String key = "confirm.category." + code;
        return t.has(key) ? t.t(key) : InquiryWords.category(t, code);
    }

    public static String categories(Texts t, List<String> codes) {
        return String.join(", ", codes.stream().map(code -> category(t, code)).toList());
    }

    /** A stored refusal ("code: sentence") in words; the codes only this pillar has are its own. */
    public static String refusal(Texts t, String stored) {
        if (stored == null) {
            return "";
        }
        int colon = stored.indexOf(':');
        String code = (colon < 0 ? stored : stored.substring(0, colon)).strip();
        String key = "confirm.refusal." + code;
        return t.has(key) ? t.t(key) : InquiryWords.refusal(t, stored);
    }

    public static String sentence(String stored) {
        return InquiryWords.refusalSentence(stored);
    }
}

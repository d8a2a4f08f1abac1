package org.ibex.screens;

import org.ibex.agreement.Refusal;

import java.util.List;
import java.util.Locale;

/**
 * The codes of the questions pillar in words: purposes, categories, agencies and refusals each have a text when the
 * bundles know them, and otherwise show as the code, so a purpose an agreement invents still reads.
 */
public final class InquiryWords {
    private InquiryWords() {
    }

    public static String purpose(Texts t, String code) {
        String key = "inquiry.purpose." + code;
        return t.has(key) ? t.t(key) : code.replace('-', ' ');
    }

    public static String category(Texts t, String code) {
        String key = "inquiry.category." + code;
        return t.has(key) ? t.t(key) : code;
    }

    public static String categories(Texts t, List<String> codes) {
        return String.join(", ", codes.stream().map(code -> category(t, code)).toList());
    }

    /** A node as {@code UTO/POL/HQ}, with its agency in words when known: "Police (UTO/POL/HQ)". */
    public static String node(Texts t, String node) {
        if (node == null) {
            return "";
        }
        String[] parts = node.split("/");
        String key = parts.length > 1 ? "inquiry.agency." + parts[1].toLowerCase(Locale.ROOT) : null;
        return key != null && t.has(key) ? t.t("inquiry.node", t.t(key), node) : node;
    }

    /** A stored refusal, {@code code: sentence}, as the refusal's words; the sentence comes apart. */
    public static String refusal(Texts t, String stored) {
        if (stored == null) {
            return "";
        }
        int colon = stored.indexOf(':');
        String code = colon < 0 ? stored : stored.substring(0, colon);
        try {
            return t.t("inquiry.refusal." + Refusal.parse(code).code());
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** The sentence after the code of a stored refusal: the agreement's own words, in English. */
    public static String refusalSentence(String stored) {
        if (stored == null) {
            return "";
        }
        int colon = stored.indexOf(':');
        return colon < 0 ? "" : stored.substring(colon + 1).strip();
    }
}

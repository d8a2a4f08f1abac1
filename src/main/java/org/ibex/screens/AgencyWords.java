package org.ibex.screens;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other agencies' answers at an inspection, in the officer's language: the sentence from the bundles with the agency's
 * node id in it, and what the agency said (who it lists, why it refused) kept as its own words.
 */
final class AgencyWords {
    private static final Pattern NODE = Pattern.compile("[A-Z]{3}/[A-Z0-9-]{1,20}/[A-Z0-9-]{1,20}");

    private AgencyWords() {
    }

    /** Whether {@code key} (a reason's or check's text key) is one of the agency answers this class words. */
    static boolean handles(String key, Texts t) {
        return (key.startsWith("inspection.reason.agency-") || key.startsWith("inspection.check.agency-wanted."))
                && t.has(key);
    }

    /** The words for a reason or check of an agency answer; the agency's own words after its first ": " are data. */
    static InspectionWords.Word word(String key, String message, Texts t) {
        Matcher node = NODE.matcher(message);
        String agency = node.find() ? node.group() : "?";
        int colon = message.indexOf(": ");
        boolean quoted = key.endsWith("agency-hit.text") || key.endsWith("agency-refused.text")
                || key.endsWith("agency-wanted.FAIL");
        return new InspectionWords.Word(t.t(key, InspectionWords.ltr(agency)),
                quoted && colon >= 0 ? message.substring(colon + 2) : null);
    }
}

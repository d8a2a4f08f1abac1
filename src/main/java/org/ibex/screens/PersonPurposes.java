package org.ibex.screens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why someone opens a person's file, as the access log records it. A screen that implies the purpose passes a
 * short code in the link (a hit under review, a crossing in a list) and this class turns it into the logged words;
 * anything else in the query is refused, so a crafted link cannot write a purpose of its own into the log. A direct
 * visit asks the user, who picks one of the common purposes and may add details.
 */
public final class PersonPurposes {
    /** The purposes a user picks from, by code; each is logged in English, the language of the audit trail. */
    static final List<String> CODES = List.of("second-line", "hit-review", "overstay", "identity", "request", "other");
    static final int MAX_DETAILS = 150;
    private static final Map<String, String> LOGGED = Map.of(
            "second-line", "second-line examination",
            "hit-review", "hit review",
            "overstay", "overstay follow-up",
            "identity", "identity check",
            "request", "request from an authority",
            "other", "other");
    private static final Pattern IMPLIED = Pattern.compile("(hit-review|crossing):([1-9][0-9]{0,17})");

    private PersonPurposes() {
    }

    /** The code a hit review's link carries. */
    public static String hitReview(long hitId) {
        return "hit-review:" + hitId;
    }

    /** The code a crossings list's link carries. */
    public static String crossing(long crossingId) {
        return "crossing:" + crossingId;
    }

    /** The logged purpose a link's code implies, or empty when the code is not one this node writes. */
    static Optional<String> implied(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = IMPLIED.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).equals("hit-review") ? "hit review: hit " + m.group(2)
                : "crossing review: crossing " + m.group(2));
    }

    /** The purpose choices in the user's language, code to words, with an empty first choice to force a pick. */
    static Map<String, String> options(ScreenRequest r) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("", r.t("person.purpose.choose"));
        CODES.forEach(code -> options.put(code, r.t("person.purpose." + code)));
        return options;
    }

    /** The purpose as logged: the choice's words, then the user's details. */
    static String logged(String code, String details) {
        String words = LOGGED.get(code);
        return details.isEmpty() ? words : words + ": " + details;
    }

    /** Checks the purpose form, recording each problem on its field. */
    static Form check(ScreenRequest r, String code, String details) {
        Form form = Form.empty().set("purpose", code).set("details", details);
        if (!LOGGED.containsKey(code)) {
            form.error("purpose", r.t("person.purpose.error.choose"));
        }
        if (details.length() > MAX_DETAILS) {
            form.error("details", r.t("person.purpose.error.long", MAX_DETAILS));
        } else if ("other".equals(code) && details.isEmpty()) {
            form.error("details", r.t("person.purpose.error.details"));
        } else if (details.chars().anyMatch(c -> c < 0x20)) {
            form.error("details", r.t("person.purpose.error.control"));
        }
        return form;
    }
}

package org.ibex.border;

import java.util.Locale;

/**
 * Which overstay alerts to list: by state, by post (persons who crossed there), newest first from before an id.
 * {@code state} null means all.
 */
public record AlertFilter(OverstayAlert.State state, String post, Long before, int limit) {
    private static final java.util.regex.Pattern POST = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public AlertFilter {
        post = post == null || post.isBlank() ? null : post.strip();
        if (post != null && !POST.matcher(post).matches()) {
            throw InvalidInputException.of("post", "format", "post must be a post id such as UTO-AIR");
        }
        if (limit < 1) {
            throw InvalidInputException.of("limit", "range", "limit must be at least 1");
        }
    }

    /** Reads {@code open}, {@code withdrawn} or {@code all}; anything else is refused naming the field. */
    public static OverstayAlert.State state(String text) {
        String value = text == null ? "open" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "open" -> OverstayAlert.State.OPEN;
            case "withdrawn" -> OverstayAlert.State.WITHDRAWN;
            case "all" -> null;
            default -> throw InvalidInputException.of("state", "one-of",
                    "state must be open, withdrawn or all (got '" + text + "')");
        };
    }

    String describe() {
        return "state=" + (state == null ? "all" : state.label()) + (post == null ? "" : " post=" + post)
                + (before == null ? "" : " before=" + before) + " limit=" + limit;
    }
}

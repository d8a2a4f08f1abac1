package org.ibex.access;

import java.util.Locale;

/** The rule for usernames, and the case-free key that makes "Admin" and "admin" one account. */
final class Usernames {
    static final int MAX = 80;
    private static final String PATTERN = "[A-Za-z0-9._-]{2," + MAX + "}";

    private Usernames() {
    }

    /** Refuses a name outside the rule, naming the field and the rule. */
    static String check(String username) {
        if (username == null || !username.matches(PATTERN)) {
            throw AccountException.invalid("username", "username must be 2 to " + MAX
                    + " characters of A-Z a-z 0-9 . _ - (got " + (username == null ? "none" : "'" + username + "'") + ")");
        }
        return username;
    }

    /** The lower-cased name that lookups and the unique index use. */
    static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}

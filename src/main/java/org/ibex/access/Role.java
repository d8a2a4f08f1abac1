package org.ibex.access;

import java.util.Locale;

/** What a user may do. Officers and supervisors belong to a post; analysts and admins to the whole node. */
public enum Role {
    OFFICER, SUPERVISOR, ANALYST, ADMIN;

    public boolean boundToPost() {
        return this == OFFICER || this == SUPERVISOR;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role must be one of officer, supervisor, analyst, admin (got '" + text + "')");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.ibex.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a user may do. Officers and supervisors belong to a post; analysts, admins and list managers (who keep
 * the national watchlists) to the whole node. JSON spells a role as its {@link #label()}, as the README does.
 */
public enum Role {
    OFFICER, SUPERVISOR, ANALYST, ADMIN, LIST_MANAGER;

    public boolean boundToPost() {
        return this == OFFICER || this == SUPERVISOR;
    }

    @JsonCreator
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role must be one of officer, supervisor, analyst, admin, list-manager (got '"
                    + text + "')");
        }
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

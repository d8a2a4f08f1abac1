package org.ibex.node;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;

/**
 * The person at the node's shell. Shell access to the data folder already gives every power, so the CLI
 * acts as an administrator, but every access it makes is still logged under the operating-system user.
 */
public final class Operator {
    private Operator() {
    }

    public static Actor actor(String purpose) {
        return new Actor(new User(name(), Role.ADMIN, null), purpose, "local");
    }

    /** The operator keeping the national watchlists: a list manager, logged under the operating-system user. */
    public static Actor listManager(String purpose) {
        return new Actor(new User(name(), Role.LIST_MANAGER, null), purpose, "local");
    }

    /**
     * The operator reading the lists' entries (show, search): an analyst, who may read every list, as the node's
     * operator may; logged under the operating-system user.
     */
    public static Actor listReader(String purpose) {
        return new Actor(new User(name(), Role.ANALYST, null), purpose, "local");
    }

    private static String name() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}

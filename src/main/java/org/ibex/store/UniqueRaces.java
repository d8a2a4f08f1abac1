package org.ibex.store;

import java.sql.SQLException;

/**
 * Recognises a transaction that lost a race for a unique key (SQLState 23505 on H2 and PostgreSQL): another
 * transaction committed the same key first, so running the work again finds that row instead of inserting it.
 */
public final class UniqueRaces {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueRaces() {
    }

    /** Whether {@code failure}, or one of its causes, is a unique-key violation. */
    public static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

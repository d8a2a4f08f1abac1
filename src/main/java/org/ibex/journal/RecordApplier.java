package org.ibex.journal;

import java.sql.Connection;
import java.sql.SQLException;

/** Makes one kind of record from a post part of headquarters' own data, in the caller's transaction. */
@FunctionalInterface
public interface RecordApplier {
    /**
     * Applies {@code record}, sent by {@code originNode}; must be idempotent, since a record already applied may be
     * offered again after a crash. Throw to hold the post's stream for a later pass.
     */
    Applied apply(Connection connection, String originNode, JournalRecord record) throws SQLException;

    /** What applying did, in words for the national store, and the person whose stay it may change (or null). */
    record Applied(String outcome, Long personId) {
        public static Applied kept(String outcome) {
            return new Applied(outcome, null);
        }
    }
}

package org.ibex.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Makes one kind of record from a post part of headquarters' own data, in the caller's transaction. */
@FunctionalInterface
public interface RecordApplier {
    /** How the outcome of a record whose payload is not what its kind says begins. */
    String UNREADABLE = "unreadable: ";

    /**
     * Applies {@code record}, sent by {@code originNode}; must be idempotent, since a record already applied may be
     * offered again after a crash. Throw to hold the post's stream for a later pass.
     */
    Applied apply(Connection connection, String originNode, JournalRecord record) throws SQLException;

    /**
     * Applies {@code records} of this kind, in order, as {@link #apply} one by one would: later records see what
     * earlier ones made. A record whose payload cannot be read ({@link IllegalArgumentException}) gets an
     * {@link #UNREADABLE} outcome and the others go on. Appliers that can apply a set faster override this.
     */
    default List<Applied> applyAll(Connection connection, String originNode, List<JournalRecord> records)
            throws SQLException {
        List<Applied> results = new ArrayList<>(records.size());
        for (JournalRecord record : records) {
            try {
                results.add(apply(connection, originNode, record));
            } catch (IllegalArgumentException e) {
                results.add(Applied.kept(UNREADABLE + e.getMessage()));
            }
        }
        return results;
    }

    /** What applying did, in words for the national store, and the person whose stay it may change (or null). */
    record Applied(String outcome, Long personId) {
        public static Applied kept(String outcome) {
            return new Applied(outcome, null);
        }
    }
}

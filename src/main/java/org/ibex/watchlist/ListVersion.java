package org.ibex.watchlist;

import java.time.Instant;

/**
 * One stored version of a list: who made it, when, how (an import, a rollback restoring an earlier version, or
 * the baseline kept of a list that existed before versions), its size and what it changed.
 */
public record ListVersion(String listId, int version, Instant createdAt, String createdBy, String change,
                          Integer restoredFrom, int persons, int documents, int added, int removed, int changed) {
}

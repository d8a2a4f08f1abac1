package org.ibex.watchlist;

import java.time.Instant;

/**
 * A clearance: {@code clearedBy} found that this person is not this list entry. It suppresses their hits on the
 * entry until it expires or is revoked (by a supervisor, or by a confirmation of the same person and entry).
 */
public record Clearance(long id, long personId, String listId, String entryId, long hitId, String clearedBy,
                        Instant clearedAt, Instant expiresAt, String revokedBy, Instant revokedAt, String revocationReason) {
    public boolean inForceAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public StoredHit.Suppression suppression() {
        return StoredHit.Suppression.of(id, clearedBy, clearedAt, expiresAt);
    }
}

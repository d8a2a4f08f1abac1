package org.ibex.watchlist;

import java.time.Instant;

/**
 * A hit as a post sends it to headquarters with its crossing: the entry it named and how strong it was, without the
 * post's row ids, which mean nothing elsewhere. {@code suppressed}: a clearance of the post kept it from stopping
 * the traveller.
 */
public record ReplicatedHit(WatchlistHit.Kind kind, String listId, String entryId, double score, EntryAction action,
                            String explanation, Instant createdAt, boolean suppressed) {
    public static ReplicatedHit of(StoredHit hit) {
        return new ReplicatedHit(hit.kind(), hit.listId(), hit.entryId(), hit.score(), hit.action(),
                hit.explanation(), hit.createdAt(), hit.suppression() != null);
    }
}

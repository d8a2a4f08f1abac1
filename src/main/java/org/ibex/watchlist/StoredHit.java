package org.ibex.watchlist;

import java.time.Instant;

/** A hit as recorded at a crossing, with the officer's disposition once there is one. */
public record StoredHit(long id, long crossingId, long personId, WatchlistHit.Kind kind, String listId, String entryId,
                        double score, EntryAction action, String explanation, Instant createdAt, Disposition disposition) {

    /** What the officer concluded about a hit, and why. */
    public record Disposition(Outcome outcome, String reason, String decidedBy, Instant decidedAt) {
    }

    /** A hit is either the listed person or document, or a false alert. */
    public enum Outcome { CONFIRMED, FALSE_ALERT }
}

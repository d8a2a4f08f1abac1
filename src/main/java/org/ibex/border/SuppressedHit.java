package org.ibex.border;

import org.ibex.watchlist.WatchlistHit;

import java.time.Instant;

/** A hit that a clearance of this person against this entry suppresses: still shown, noted, but not stopping them. */
public record SuppressedHit(WatchlistHit hit, long clearanceId, String clearedBy, Instant clearedAt, Instant expiresAt) {
}

package org.ibex.border;

import org.ibex.watchlist.StoredHit;

import java.util.List;

/**
 * A crossing as stored, with the traveller's stay after it and the watchlist hits recorded with it;
 * {@code duplicate} when a retry found it stored.
 */
public record RecordedCrossing(Crossing crossing, StayStatus stay, boolean duplicate, List<StoredHit> hits) {
}

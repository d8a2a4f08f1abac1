package org.ibex.border;

import org.ibex.watchlist.WatchlistHit;

import java.time.LocalDate;
import java.util.List;

/**
 * What a crossing would find, nothing stored: the document as read, the rules' outcome with the proposed decision,
 * the hits that stand and those a clearance suppresses. {@code recorded} is the crossing already stored under the
 * same uid (a retry), and then {@code outcome} is null. {@code date} is the day the rules judged, at the post (the
 * day an age or a validity is counted on).
 */
public record Assessment(TravelDocument document, InspectionOutcome outcome, List<WatchlistHit> hits,
                         List<SuppressedHit> suppressed, Crossing recorded, LocalDate date) {
    public Assessment {
        hits = List.copyOf(hits);
        suppressed = List.copyOf(suppressed);
    }
}

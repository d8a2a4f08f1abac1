package org.ibex.border;

import java.time.LocalDate;
import org.ibex.watchlist.WatchlistHit;

import java.util.List;

/**
 * Everything an inspection decides on, gathered before any rule runs: the document as read, its MRZ
 * errors, the permit, the stay rule that applies, the traveller's standing crossings and the watchlist hits
 * that were not confirmed false alerts for this person before.
 */
public record InspectionFacts(Direction direction, LocalDate date, TravelDocument document, List<String> mrzErrors,
                              boolean mrzPresent, Permit permit, StayRule stayRule, String stayRuleProblem,
                              List<Movement> history, List<WatchlistHit> hits) {
}

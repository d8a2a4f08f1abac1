package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything an inspection decides on, gathered before any rule runs: the document as read, its MRZ
 * errors, the permit, the stay rule that applies and the traveller's standing crossings.
 */
public record InspectionFacts(Direction direction, LocalDate date, TravelDocument document, List<String> mrzErrors,
                              boolean mrzPresent, Permit permit, StayRule stayRule, String stayRuleProblem,
                              List<Movement> history) {
}

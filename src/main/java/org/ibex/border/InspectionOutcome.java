package org.ibex.border;

import java.util.List;

/** The checks an inspection ran, the reasons that weigh on the decision, the decision and the stay after it. */
public record InspectionOutcome(List<Check> checks, List<Reason> reasons, Decision decision, StayStatus stay) {
}

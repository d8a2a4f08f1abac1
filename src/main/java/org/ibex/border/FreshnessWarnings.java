package org.ibex.border;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds to an inspection's outcome what the officer must know about stale reference data: a WARN check and a reason
 * per stale copy. The reasons lead to ADMIT, as a suppressed hit does: an old list is no ground to stop a traveller,
 * but the officer decides knowing the screening may be incomplete, and the crossing keeps the reasons.
 */
final class FreshnessWarnings {
    static final String CHECK = "reference-data";
    static final String REASON = "reference-stale";

    private FreshnessWarnings() {
    }

    static InspectionOutcome add(InspectionOutcome outcome, List<ReferenceFreshness.StaleCopy> stale) {
        if (stale.isEmpty()) {
            return outcome;
        }
        List<Check> checks = new ArrayList<>(outcome.checks());
        List<Reason> reasons = new ArrayList<>(outcome.reasons());
        for (ReferenceFreshness.StaleCopy copy : stale) {
            checks.add(new Check(CHECK, Check.Outcome.WARN, copy.message()));
            reasons.add(new Reason(REASON, Decision.ADMIT, "reference data not current: " + copy.message()));
        }
        return new InspectionOutcome(List.copyOf(checks), List.copyOf(reasons), outcome.decision(), outcome.stay());
    }
}

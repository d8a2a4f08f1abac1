package org.ibex.border;

import java.util.ArrayList;
import java.util.List;

/**
 * An officer's decision in place of the rules' proposal, with the reason that must come with it. The proposal's
 * reasons stay with the crossing; the override is one more reason, in the officer's words, and sets the decision.
 */
public record OfficerDecision(Decision decision, String reason) {
    /** Long enough for what an officer writes at a desk, short enough for the crossing's stored reasons. */
    public static final int MAX_REASON = 500;

    public OfficerDecision {
        if (decision == null) {
            throw InvalidInputException.of("decision", "required", "an override needs the decision: ADMIT, REFER or REFUSE");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", "an override needs a reason");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "length", "the reason must be at most " + MAX_REASON
                    + " characters (got " + reason.length() + ")");
        }
    }

    /** The rules' outcome with this decision and its reason added; checks and the stay are the rules' own. */
    InspectionOutcome applyTo(InspectionOutcome proposed, String officer) {
        List<Reason> reasons = new ArrayList<>(proposed.reasons());
        reasons.add(new Reason("officer-override", decision, officer + " decided " + decision + " where the rules"
                + " proposed " + proposed.decision() + ": " + reason));
        return new InspectionOutcome(proposed.checks(), List.copyOf(reasons), decision, proposed.stay());
    }
}

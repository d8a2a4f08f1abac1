package org.ibex.border;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds other agencies' answers to an inspection's outcome: a hit refers the traveller to second line with the
 * agency's words as the reason; no hit passes; an answer not back yet or refused is a warning that leaves the
 * decision to the other checks, so a link that is down never stops a post.
 */
final class AgencyWarnings {
    static final String CHECK = "agency-wanted";

    private AgencyWarnings() {
    }

    static InspectionOutcome add(InspectionOutcome outcome, List<AgencyCheck> answers) {
        if (answers.isEmpty()) {
            return outcome;
        }
        List<Check> checks = new ArrayList<>(outcome.checks());
        List<Reason> reasons = new ArrayList<>(outcome.reasons());
        Decision decision = outcome.decision();
        for (AgencyCheck answer : answers) {
            switch (answer.status()) {
                case HIT -> {
                    checks.add(new Check(CHECK, Check.Outcome.FAIL, answer.agency() + ": " + answer.detail()));
                    reasons.add(new Reason("agency-hit", Decision.REFER, answer.agency() + " reports the traveller"
                            + " wanted: " + answer.detail()));
                    decision = decision.atLeast(Decision.REFER);
                }
                case NO_HIT -> checks.add(new Check(CHECK, Check.Outcome.PASS, answer.agency() + ": no hit"));
                case PENDING -> {
                    checks.add(new Check(CHECK, Check.Outcome.WARN, answer.agency() + ": no answer yet"));
                    reasons.add(new Reason("agency-pending", Decision.ADMIT, "no answer yet from " + answer.agency()
                            + " (" + answer.detail() + "); it will show on this crossing when it lands"));
                }
                case REFUSED -> {
                    checks.add(new Check(CHECK, Check.Outcome.WARN, answer.agency() + ": question refused"));
                    reasons.add(new Reason("agency-refused", Decision.ADMIT, "the question to " + answer.agency()
                            + " was refused: " + answer.detail()));
                }
            }
        }
        return new InspectionOutcome(List.copyOf(checks), List.copyOf(reasons), decision, outcome.stay());
    }
}

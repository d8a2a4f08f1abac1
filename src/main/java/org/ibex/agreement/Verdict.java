package org.ibex.agreement;

/** What the gate says of a question: allowed under one agreement's rule, or refused with a reason. */
public sealed interface Verdict {
    /** Allowed: the agreement and the rule it falls under (quota, retention, approval come from the rule). */
    record Allowed(Agreement agreement, AgreementRule rule) implements Verdict {
    }

    /** Refused: the code and a sentence naming what the agreement does not allow. */
    record Refused(Refusal reason, String message) implements Verdict {
    }
}

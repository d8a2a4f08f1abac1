package org.ibex.border;

/** Carries an assessment out of the transaction that {@link BorderService#assess} rolls back. */
final class DiscardedAssessment extends RuntimeException {
    private final transient Assessment assessment;

    DiscardedAssessment(Assessment assessment) {
        super(null, null, false, false);
        this.assessment = assessment;
    }

    Assessment assessment() {
        return assessment;
    }
}

package org.ibex.biometrics;

import java.util.List;

/**
 * The outcome of a 1:N search, recorded as evidence: identified when exactly one subject clears the threshold,
 * candidates to review when several do, no hit when none does. The threshold is derived from the target false
 * positive identification rate and the gallery size, both shown, so nobody has to trust an opaque number.
 */
public record Identification(long id, long probeSubjectId, Outcome outcome, List<IdentificationCandidate> candidates,
                             double targetFpir, int gallerySize, double comparisonFmr, boolean thresholdExtrapolated) {
    /** What the search concluded. */
    public enum Outcome { IDENTIFIED, CANDIDATES, NO_HIT }

    public Identification {
        candidates = List.copyOf(candidates);
    }

    static Outcome outcomeOf(List<IdentificationCandidate> candidates) {
        return candidates.isEmpty() ? Outcome.NO_HIT : candidates.size() == 1 ? Outcome.IDENTIFIED : Outcome.CANDIDATES;
    }
}

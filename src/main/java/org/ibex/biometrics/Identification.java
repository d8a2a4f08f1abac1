package org.ibex.biometrics;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a 1:N search, recorded as evidence: identified when exactly one subject clears the threshold,
 * candidates to review when several do, no hit when none does. The threshold is derived from the target false
 * positive identification rate and the gallery size, both shown, so nobody has to trust an opaque number.
 * A search never enrols: {@code enrolledSubjectId} is set only when an officer enrols the probe explicitly. The probe
 * is also held against the wanted persons' prints this node screens against: {@code wanted} lists those it matched.
 */
public record Identification(long id, String label, Outcome outcome, List<IdentificationCandidate> candidates,
                             double targetFpir, int gallerySize, double comparisonFmr, boolean thresholdExtrapolated,
                             List<FingerPosition> probeFingers, String postId, String requestedBy, Instant requestedAt,
                             Long enrolledSubjectId, List<WantedMatch> wanted) {
    /** What the search concluded. */
    public enum Outcome { IDENTIFIED, CANDIDATES, NO_HIT }

    public Identification {
        candidates = List.copyOf(candidates);
        probeFingers = List.copyOf(probeFingers);
        wanted = wanted == null ? List.of() : List.copyOf(wanted);
    }

    static Outcome outcomeOf(List<IdentificationCandidate> candidates) {
        return candidates.isEmpty() ? Outcome.NO_HIT : candidates.size() == 1 ? Outcome.IDENTIFIED : Outcome.CANDIDATES;
    }

    Identification withWanted(List<WantedMatch> matched) {
        return new Identification(id, label, outcome, candidates, targetFpir, gallerySize, comparisonFmr,
                thresholdExtrapolated, probeFingers, postId, requestedBy, requestedAt, enrolledSubjectId, matched);
    }

    Identification withId(long newId) {
        return new Identification(newId, label, outcome, candidates, targetFpir, gallerySize, comparisonFmr,
                thresholdExtrapolated, probeFingers, postId, requestedBy, requestedAt, enrolledSubjectId, wanted);
    }
}

package org.ibex.biometrics;

import java.util.List;

/** One subject a probe resembles: the fused score, the threshold it was held to, and each finger's score as evidence. */
public record IdentificationCandidate(long subjectId, Long personId, String label, double fusedScore, double threshold,
                                      List<FingerScore> fingers) {
    public IdentificationCandidate {
        fingers = List.copyOf(fingers);
    }

    /** How far above its threshold: candidates compared on different numbers of fingers rank by this. */
    public double margin() {
        return fusedScore - threshold;
    }
}

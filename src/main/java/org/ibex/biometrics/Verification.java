package org.ibex.biometrics;

import java.util.List;

/**
 * A 1:1 decision over all fingers captured on both sides: the fused score (sum of per-finger scores) against
 * the threshold for that many fingers at the verifier's target FMR, the per-finger scores behind it, and the
 * positions not compared with why (recorded exceptions, or captured on one side only).
 */
public record Verification(MatchDecision decision, double fusedScore, double threshold, List<FingerScore> scores,
                           List<MissingFinger> notCompared) {
    public Verification {
        scores = List.copyOf(scores);
        notCompared = List.copyOf(notCompared);
    }
}

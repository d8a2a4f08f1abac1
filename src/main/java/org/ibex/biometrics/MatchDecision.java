package org.ibex.biometrics;

/** Outcome of a 1:1 verification; INCONCLUSIVE when no finger was captured on both sides. */
public enum MatchDecision {
    MATCH,
    NO_MATCH,
    INCONCLUSIVE
}

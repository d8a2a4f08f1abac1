package org.ibex.biometrics;

/** Why a finger could not be captured; recorded per position so that its absence is explained, not silent. */
public enum MissingReason {
    AMPUTATED,
    INJURED_OR_BANDAGED,
    TOO_YOUNG,
    OTHER
}

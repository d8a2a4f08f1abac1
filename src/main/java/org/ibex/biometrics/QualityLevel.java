package org.ibex.biometrics;

/** What a capture station does with a finger: keep it, keep it and offer a recapture, or refuse it. */
public enum QualityLevel {
    GOOD,
    WARN,
    UNUSABLE
}

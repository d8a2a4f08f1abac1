package org.ibex.biometrics;

/** The SourceAFIS similarity of one finger position compared in a verification (0 none, 40 about FMR 1e-4). */
public record FingerScore(FingerPosition position, double score) {
}

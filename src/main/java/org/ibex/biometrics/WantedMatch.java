package org.ibex.biometrics;

/**
 * A probe that matched a wanted person's prints: the flag's reference, whose prints and why they are wanted, where
 * the flag comes from, and the fused score against the threshold it was held to.
 */
public record WantedMatch(String reference, String name, String reason, WantedPrint.Source source, int fingers,
                          double fusedScore, double threshold) {
}

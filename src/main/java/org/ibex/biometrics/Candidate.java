package org.ibex.biometrics;

/**
 * One enrolled finger returned by an identification: who, which finger, the index's cheap pair-hash score that
 * put it on the short list (pair hashes shared with the probe at one rotation, normalised by the finger's own
 * number of pairs), and the SourceAFIS score it was re-ranked by.
 */
public record Candidate(long id, int fingerPosition, int pairScore, double score) {
}

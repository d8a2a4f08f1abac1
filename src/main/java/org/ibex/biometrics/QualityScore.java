package org.ibex.biometrics;

/**
 * One quality value of an image record. {@code metric} names the field it came from: {@code NQM} is NFIQ
 * (1 best to 5 worst; 254 not computed, 255 failed), {@code FQM}, {@code LQM}, {@code PQM} are 0-100 scores by
 * the algorithm named in {@code algorithm} (vendor id and product code), empty for NQM.
 */
public record QualityScore(int position, String metric, int score, String algorithm) {
}

package org.ibex.names;

import java.util.List;

/** Similarity of two names in [0,1], whether it reaches the match threshold, and why. */
public record NameScore(double score, boolean match, List<PartMatch> parts, List<String> unmatchedA,
                        List<String> unmatchedB, String explanation) {
    public NameScore {
        parts = List.copyOf(parts);
        unmatchedA = List.copyOf(unmatchedA);
        unmatchedB = List.copyOf(unmatchedB);
    }
}

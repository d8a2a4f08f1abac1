package org.ibex.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the sentence an officer reads: each paired part with its rule and score, then what is left over. */
final class Explanation {
    private Explanation() {
    }

    static String of(double score, boolean match, List<PartMatch> parts, List<String> ua, List<String> ub) {
        List<String> pieces = new ArrayList<>();
        for (PartMatch p : parts) pieces.add(p.toString());
        List<String> unmatched = new ArrayList<>(ua);
        unmatched.addAll(ub);
        if (!unmatched.isEmpty()) pieces.add("unmatched: " + String.join(", ", unmatched));
        String verdict = String.format(Locale.ROOT, "%s (%.2f)", match ? "Match" : "No match", score);
        return pieces.isEmpty() ? verdict + ": nothing to compare" : verdict + ": " + String.join("; ", pieces);
    }
}

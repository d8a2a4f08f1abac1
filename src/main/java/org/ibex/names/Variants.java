package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for romanisation variant lists. */
final class Variants {
    /** More variants cost time on every comparison; four cover the standards we model. */
    static final int MAX = 4;
    /** Tokens longer than this are truncated so hostile input stays bounded in time. */
    static final int MAX_TOKEN_LENGTH = 40;

    private Variants() {
    }

    static List<String> distinct(String... candidates) {
        return distinctUpTo(MAX, candidates);
    }

    static List<String> distinctUpTo(int max, String... candidates) {
        List<String> out = new ArrayList<>(candidates.length);
        for (String c : candidates) {
            if (c == null) continue;
            String v = c.length() > MAX_TOKEN_LENGTH ? c.substring(0, MAX_TOKEN_LENGTH) : c;
            if (!v.isEmpty() && !out.contains(v) && out.size() < max) out.add(v);
        }
        return out;
    }
}

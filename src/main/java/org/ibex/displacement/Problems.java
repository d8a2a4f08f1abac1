package org.ibex.displacement;

import java.util.ArrayList;
import java.util.List;

/** The problems of one file, as {@code WHERE: field F: rule}, kept up to a bound and counted past it. */
final class Problems {
    private final List<String> kept = new ArrayList<>();
    private int total;

    void add(String where, String field, String rule) {
        total++;
        if (kept.size() < DtmFileException.KEPT) {
            kept.add(where + ": field " + field + ": " + rule);
        }
    }

    boolean any() {
        return total > 0;
    }

    int total() {
        return total;
    }

    /** Throws the file's problems when there are any: nothing of it may be imported then. */
    void throwIfAny() {
        if (total > 0) {
            throw new DtmFileException(kept, total, false);
        }
    }
}

package org.ibex.displacement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The problems of one file, as {@code WHERE: field F: rule}, kept up to a bound and counted past it. */
final class Problems {
    private final List<String> kept = new ArrayList<>();
    private final Set<String> named = new HashSet<>();
    private int total;

    void add(String where, String field, String rule) {
        if (!named.add(where + "\u0000" + field)) {
            // One problem per field: a second (\"is required\" after \"must be a number\") says nothing new.
            return;
        }
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

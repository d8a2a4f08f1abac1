package org.ibex.border;

import java.util.List;

/** What a batch import stored, skipped as already stored, and rejected with the reason. */
public record BatchResult(int stored, int duplicates, List<Rejection> rejected) {
    /** A request of the batch that was not stored, by its index in the batch. */
    public record Rejection(int index, String reason) {
    }
}

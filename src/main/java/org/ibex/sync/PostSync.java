package org.ibex.sync;

import java.time.Instant;
import java.util.List;

/**
 * A post's sync state: its headquarters and when it last answered, what has not reached headquarters yet, and the
 * age of each reference copy. Records wait in two places: in the journal, not yet cut into a batch
 * ({@code unqueuedRecords} = journal head − shipped mark), and in batches queued for headquarters and not yet
 * receipted ({@code pendingBatches}, up to 1,000 records each). {@code oldestWaitingAt} is the capture time of the
 * oldest record not yet queued or, if earlier, when the oldest batch still on its way was queued.
 * {@code secondsSinceContact} is null when headquarters never answered; {@code quiet} is true then too, and when the
 * last contact is older than the node's quiet time.
 */
public record PostSync(String role, String node, String headquarters, Instant lastContact, Long secondsSinceContact,
                       boolean quiet, long quietAfterHours, long journalHead, long shippedUpTo, long unqueuedRecords,
                       long pendingBatches, Instant oldestWaitingAt, long referenceMaxAgeHours,
                       List<ReferenceAge> references, long staleReferences, Instant checkedAt) {
    public static final String ROLE = "post";

    public PostSync {
        references = List.copyOf(references);
    }

    /** Whether nothing waits to leave for headquarters. */
    public boolean caughtUp() {
        return unqueuedRecords == 0 && pendingBatches == 0;
    }
}

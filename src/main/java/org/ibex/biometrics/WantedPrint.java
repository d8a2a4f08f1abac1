package org.ibex.biometrics;

import java.time.Instant;
import java.util.List;

/**
 * Fingerprints flagged as those of a wanted person, as people read them: the reference the flag is known by, whose
 * prints (the person's name, or the subject's label), why, who flagged them and when, whether the flag is this
 * node's own or headquarters' copy, and which fingers are held. No template leaves the node this way.
 */
public record WantedPrint(String reference, Long subjectId, Long personId, String name, String reason,
                          String flaggedBy, Instant flaggedAt, Source source, List<FingerPosition> fingers,
                          String liftedBy, Instant liftedAt, String liftReason) {
    /** Where a flag comes from: this node's list keepers, or the copy its headquarters sent. */
    public enum Source { THIS_NODE, HEADQUARTERS }

    public WantedPrint {
        fingers = List.copyOf(fingers);
    }

    /** Whether the flag stands (a lifted flag is kept as evidence). */
    public boolean inForce() {
        return liftedAt == null;
    }
}

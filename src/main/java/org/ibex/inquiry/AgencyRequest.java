package org.ibex.inquiry;

import java.time.Instant;
import java.util.List;

/**
 * A question another agency or state asked this node, as the answerer keeps it: {@code AWAITING_APPROVAL} in the
 * approval queue, {@code ANSWERED} (hit or no hit) or {@code REFUSED} with the reason. A refused question keeps no
 * subject; an answered one keeps it until the agreement's retention runs out.
 */
public record AgencyRequest(String id, String asker, String agreement, String query, String purpose,
                            List<String> categories, String subjectLabel, Instant receivedAt, State state,
                            String outcome, String refusal, String decidedBy, Instant decidedAt,
                            Instant retainUntil, Instant deletedAt) {
    public AgencyRequest {
        categories = List.copyOf(categories);
    }

    /** Where a received question stands. */
    public enum State { AWAITING_APPROVAL, ANSWERED, REFUSED }
}

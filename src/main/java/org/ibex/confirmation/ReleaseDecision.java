package org.ibex.confirmation;

import java.time.Instant;
import java.util.List;

/**
 * A release a partner asked this node for, as its approver sees it: who asked, for which case and purpose, under
 * which agreement, which categories, and the decision (automatic or a person's, in full or in part, or refused with
 * the reason).
 */
public record ReleaseDecision(String id, String requester, String searchId, Long personId, String agreement,
                              String caseRef, String purpose, List<String> categories, State state,
                              List<String> releasedCategories, String reason, String decidedBy, Instant receivedAt,
                              Instant decidedAt) {
    public ReleaseDecision {
        categories = List.copyOf(categories);
        releasedCategories = List.copyOf(releasedCategories);
    }

    /** Where a release stands at the responder. */
    public enum State { AWAITING_APPROVAL, RELEASED, PARTIAL, REFUSED }
}

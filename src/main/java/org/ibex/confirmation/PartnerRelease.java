package org.ibex.confirmation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A release this node asked a partner for, and what came back: pending, waiting for the partner's approver, released
 * in full or in part (the data, until its retention ends and it is deleted), or refused with the reason.
 */
public record PartnerRelease(String id, String probeId, String partner, String agreement, String caseRef,
                             String purpose, List<String> categories, Long personId, State state,
                             List<String> releasedCategories, JsonNode data, String reason, Instant retainUntil,
                             Instant deletedAt, String askedBy, Instant askedAt, Instant answeredAt) {
    public PartnerRelease {
        categories = List.copyOf(categories);
        releasedCategories = List.copyOf(releasedCategories);
    }

    /** Where a release stands at the requester. */
    public enum State { PENDING, WAITING, RELEASED, PARTIAL, REFUSED }
}

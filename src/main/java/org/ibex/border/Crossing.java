package org.ibex.border;

import java.time.Instant;
import java.util.List;

/**
 * A recorded crossing. Append-only: a correction is a new crossing whose {@code supersedes} names this one;
 * {@code supersededBy} is filled when reading, so both stay visible and linked. {@code late}: recorded more than the
 * node's clock skew after it happened, with the supervisor's {@code lateReason}; {@code imported}: from an import file.
 */
public record Crossing(long id, String uid, Direction direction, String postId, String officer, Instant occurredAt,
                       String zoneId, long personId, TravelDocument document, Permit permit, List<Check> checks,
                       Decision decision, List<Reason> reasons, Long supersedes, String correctionReason,
                       Long supersededBy, Instant recordedAt, boolean late, String lateReason, boolean imported) {

    public java.time.LocalDate localDate() {
        return occurredAt.atZone(java.time.ZoneId.of(zoneId)).toLocalDate();
    }
}

package org.ibex.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One crossing of a person as stay counting reads it: enough to order the person's crossings, to tell whether it
 * stands (not refused, not superseded by a correction) and to place a stay it begins or ends.
 */
public record StayMovement(long id, String postId, String uid, boolean entry, Instant occurredAt, String zoneId,
                           String nationality, String permitType, boolean refused, Long supersededBy) {
    /** Its day on the post's clock. */
    public LocalDate localDay() {
        return occurredAt.atZone(ZoneId.of(zoneId)).toLocalDate();
    }

    /** The purpose of a stay this crossing begins: its permit type, {@code none} without one. */
    public String purpose() {
        return permitType == null || permitType.isEmpty() ? FlowCell.NO_PURPOSE : permitType;
    }
}

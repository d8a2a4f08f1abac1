package org.ibex.confirmation;

import java.time.Instant;

/**
 * One probe this node sent to a partner, and what came back: pending, answered (hit or no hit, a hit's reference and
 * its expiry) or refused; the deletion receipt and whether it verified against the federation's anchor and the probe
 * this node sent.
 */
public record PartnerProbe(String id, String askedBy, String postId, String partner, String agreement,
                           String purpose, String query, Long identificationId, String caseRef, String probeSha256,
                           int fingers, String document, State state, String outcome, String reference,
                           Instant referenceExpires, SignedReceipt receipt, Boolean receiptValid, String refusal,
                           Instant askedAt, Instant answeredAt) {
    /** Where a probe stands. */
    public enum State { PENDING, ANSWERED, REFUSED }

    /** Whether a release may be asked for now: a hit whose reference has not expired. */
    public boolean releasable(Instant now) {
        return state == State.ANSWERED && ResultMessage.HIT.equals(outcome) && reference != null
                && referenceExpires != null && now.isBefore(referenceExpires);
    }
}

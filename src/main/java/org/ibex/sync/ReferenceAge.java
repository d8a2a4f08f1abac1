package org.ibex.sync;

import org.ibex.reference.ReferenceCopy;

import java.time.Duration;
import java.time.Instant;

/**
 * One reference copy a post holds (a watchlist, the lost and stolen documents, stay rules, users and roles) and how
 * old it is. Its age runs from when headquarters issued it, not from when it arrived: a copy that spent two days in
 * a queue is two days behind headquarters. {@code staleReason} is {@code expired} past its expiry,
 * {@code too-old} past the node's maximum age, and null while the copy is current.
 */
public record ReferenceAge(String dataset, String kind, long version, String publisher, Instant issuedAt,
                           Instant receivedAt, Instant expiresAt, long items, long ageSeconds, boolean stale,
                           String staleReason) {
    public static final String EXPIRED = ReferenceCopy.EXPIRED;
    public static final String TOO_OLD = ReferenceCopy.TOO_OLD;

    /** The copy's age at {@code now} and whether it may still be trusted under {@code maxAge}, by the pillar's rule. */
    public static ReferenceAge of(ReferenceCopy copy, Instant now, Duration maxAge) {
        String reason = copy.staleness(now, maxAge).orElse(null);
        return new ReferenceAge(copy.dataset(), copy.kind(), copy.version(), copy.publisher(), copy.issuedAt(),
                copy.receivedAt(), copy.expiresAt(), copy.items(), copy.age(now).toSeconds(), reason != null, reason);
    }
}

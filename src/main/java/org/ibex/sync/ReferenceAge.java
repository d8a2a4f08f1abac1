package org.ibex.sync;

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
    public static final String EXPIRED = "expired";
    public static final String TOO_OLD = "too-old";

    /** The copy's age at {@code now} and whether it may still be trusted under {@code maxAge}. */
    public static ReferenceAge of(String dataset, String kind, long version, String publisher, Instant issuedAt,
                                  Instant receivedAt, Instant expiresAt, long items, Instant now, Duration maxAge) {
        long age = Math.max(0, Duration.between(issuedAt, now).toSeconds());
        String reason = !now.isBefore(expiresAt) ? EXPIRED : age > maxAge.toSeconds() ? TOO_OLD : null;
        return new ReferenceAge(dataset, kind, version, publisher, issuedAt, receivedAt, expiresAt, items, age,
                reason != null, reason);
    }
}

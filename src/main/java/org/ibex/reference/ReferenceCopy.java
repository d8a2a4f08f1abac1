package org.ibex.reference;

import java.time.Duration;
import java.util.Optional;

import java.time.Instant;

/**
 * One copy a post holds of a dataset from its headquarters: which version, from whom, when headquarters issued it,
 * when it arrived, until when it may be trusted, and how many items it holds.
 */
public record ReferenceCopy(String dataset, String kind, long version, String publisher, Instant issuedAt,
                            Instant receivedAt, Instant expiresAt, long items) {
    /** Past its expiry: headquarters no longer vouches for it. */
    public static final String EXPIRED = "expired";
    /** Issued longer ago than the node's maximum age. */
    public static final String TOO_OLD = "too-old";

    /** How long ago headquarters issued it: a copy that spent two days in a queue is two days behind. */
    public Duration age(Instant now) {
        Duration age = Duration.between(issuedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Why the copy may not be trusted at {@code now} under {@code maxAge}, or empty while it is current. */
    public Optional<String> staleness(Instant now, Duration maxAge) {
        if (!now.isBefore(expiresAt)) {
            return Optional.of(EXPIRED);
        }
        return age(now).compareTo(maxAge) > 0 ? Optional.of(TOO_OLD) : Optional.empty();
    }
}

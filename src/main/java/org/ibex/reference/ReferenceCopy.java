package org.ibex.reference;

import java.time.Instant;

/**
 * One copy a post holds of a dataset from its headquarters: which version, from whom, when headquarters issued it,
 * when it arrived, until when it may be trusted, and how many items it holds.
 */
public record ReferenceCopy(String dataset, String kind, long version, String publisher, Instant issuedAt,
                            Instant receivedAt, Instant expiresAt, long items) {
}

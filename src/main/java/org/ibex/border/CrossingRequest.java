package org.ibex.border;

import java.time.Instant;

/**
 * A crossing as an officer submits it: the MRZ as scanned, or the document keyed in when there is none.
 * {@code uid} is the client's idempotency key (a retry with the same uid records nothing new);
 * {@code occurredAt} defaults to now. {@code officer} is honoured only for imports by an administrator:
 * an officer or supervisor always records in their own name.
 */
public record CrossingRequest(String uid, Direction direction, String postId, Instant occurredAt, String mrz,
                              TravelDocument document, Permit permit, String nameOriginal,
                              String officer) {
}

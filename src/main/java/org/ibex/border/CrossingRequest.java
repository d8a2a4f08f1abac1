package org.ibex.border;

import org.ibex.biometrics.FingerCapture;

import java.time.Instant;
import java.util.List;

/**
 * A crossing as an officer submits it: the MRZ as scanned, or the document keyed in when there is none.
 * {@code uid} is the client's idempotency key (a retry with the same uid records nothing new);
 * {@code occurredAt} defaults to now. {@code officer} is honoured only for imports by an administrator:
 * an officer or supervisor always records in their own name. {@code fingers}, when given, are verified 1:1
 * against the prints enrolled for the person the document links to. {@code lateReason} is required of a supervisor
 * whose {@code occurredAt} lies further back than the node's clock skew (see {@link CrossingTime}).
 */
public record CrossingRequest(String uid, Direction direction, String postId, Instant occurredAt, String mrz,
                              TravelDocument document, Permit permit, String nameOriginal,
                              String officer, List<FingerCapture> fingers, String lateReason) {
    public CrossingRequest {
        fingers = fingers == null ? List.of() : List.copyOf(fingers);
    }

    /** A crossing on time, with fingerprints. */
    public CrossingRequest(String uid, Direction direction, String postId, Instant occurredAt, String mrz,
                           TravelDocument document, Permit permit, String nameOriginal, String officer,
                           List<FingerCapture> fingers) {
        this(uid, direction, postId, occurredAt, mrz, document, permit, nameOriginal, officer, fingers, null);
    }

    /** A crossing without fingerprints. */
    public CrossingRequest(String uid, Direction direction, String postId, Instant occurredAt, String mrz,
                           TravelDocument document, Permit permit, String nameOriginal, String officer) {
        this(uid, direction, postId, occurredAt, mrz, document, permit, nameOriginal, officer, List.of(), null);
    }
}

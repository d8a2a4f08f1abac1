package org.ibex.confirmation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * Step two's answer on the wire ({@value #TYPE}): {@code waiting} for a person's approval, {@code released} in full,
 * {@code partial} (some categories approved), or {@code refused} with a code and a reason; released data carries the
 * purpose it was released for and when the requester must delete it.
 */
public record ReleaseMessage(String releaseId, String state, List<String> categories, ObjectNode data,
                             String purpose, Instant retainUntil, String refusal, String reason) {
    public static final String TYPE = "confirm.release";
    public static final String WAITING = "waiting";
    public static final String RELEASED = "released";
    public static final String PARTIAL = "partial";
    public static final String REFUSED = "refused";

    public ReleaseMessage {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

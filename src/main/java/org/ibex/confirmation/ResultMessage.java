package org.ibex.confirmation;

import java.time.Instant;

/**
 * Step one's answer on the wire ({@value #TYPE}): {@code answered} with {@code hit} or {@code no-hit}, a hit's opaque
 * reference and when it expires, and the signed deletion receipt; or {@code refused} with the refusal's code and
 * reason. Nothing else: no name, no score, no candidate.
 */
public record ResultMessage(String probeId, String state, String outcome, String reference, Instant referenceExpires,
                            SignedReceipt receipt, String refusal, String reason) {
    public static final String TYPE = "confirm.result";
    public static final String ANSWERED = "answered";
    public static final String REFUSED = "refused";
    public static final String HIT = "hit";
    public static final String NO_HIT = "no-hit";
}

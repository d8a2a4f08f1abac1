package org.ibex.confirmation;

import java.util.List;

/**
 * Step one on the wire ({@value #TYPE}): an anonymous probe, fingerprints for {@code identity} or a travel document
 * for {@code document-status}, under an agreement and for a purpose. {@code digest} is the requester's copy of the
 * agreement, so that both ends prove they read the same text.
 */
public record ProbeMessage(String probeId, String query, String purpose, String agreement, String digest,
                           List<ProbeFinger> fingers, ProbeDocument document) {
    public static final String TYPE = "confirm.probe";

    public ProbeMessage {
        fingers = fingers == null ? List.of() : List.copyOf(fingers);
    }
}

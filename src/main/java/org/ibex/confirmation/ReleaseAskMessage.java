package org.ibex.confirmation;

import java.util.List;

/**
 * Step two on the wire ({@value #TYPE}): after a hit, the requester asks by the opaque reference, for a case and a
 * purpose, for the categories the agreement allows.
 */
public record ReleaseAskMessage(String releaseId, String reference, String caseRef, String purpose,
                                List<String> categories, String agreement, String digest) {
    public static final String TYPE = "confirm.release-ask";

    public ReleaseAskMessage {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

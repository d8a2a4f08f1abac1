package org.ibex.confirmation;

import java.util.List;

/**
 * What an officer asks of a partner after a hit: by the probe (whose reference is used), for a case and a purpose,
 * the categories wanted ({@code biographic}, {@code travel-history}, {@code documents}, {@code photo}); the local
 * person the release is linked to, when there is one. {@code requestUid} makes a retry answer with the first ask.
 */
public record ReleaseRequest(String probeId, String caseRef, String purpose, List<String> categories, Long personId,
                             String requestUid) {
    public ReleaseRequest {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

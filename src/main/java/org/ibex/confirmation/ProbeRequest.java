package org.ibex.confirmation;

import org.ibex.trust.NodeIdentity;

import java.util.List;

/**
 * What an officer sends to a partner: the partner, the query ({@code identity} or {@code document-status}), the
 * purpose the agreement names, and either the fingers (given, or those of a national identification) or a document;
 * the case it belongs to stays here. {@code requestUid} makes a retry answer with the first probe.
 */
public record ProbeRequest(NodeIdentity partner, String query, String purpose, List<ProbeFinger> fingers,
                           Long identificationId, ProbeDocument document, String caseRef, String requestUid) {
    public ProbeRequest {
        fingers = fingers == null ? List.of() : List.copyOf(fingers);
    }
}

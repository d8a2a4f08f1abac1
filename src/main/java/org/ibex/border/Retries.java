package org.ibex.border;

import java.util.Objects;

/**
 * Whether a request sent again under a stored crossing's key is that crossing's retry: the same movement of the
 * same document. A client that let the time default is not asked to send the same instant twice.
 */
final class Retries {
    private Retries() {
    }

    static boolean sameCrossing(Crossing stored, CrossingRequest request, TravelDocument read, Long supersedes) {
        TravelDocument kept = stored.document();
        return stored.direction() == request.direction()
                && Objects.equals(stored.supersedes(), supersedes)
                && (request.occurredAt() == null || request.occurredAt().equals(stored.occurredAt()))
                && Objects.equals(stored.permit(), request.permit())
                && Objects.equals(kept.documentNumber(), read.documentNumber())
                && Objects.equals(kept.issuingState(), read.issuingState())
                && Objects.equals(kept.surname(), read.surname())
                && Objects.equals(kept.givenNames(), read.givenNames())
                && Objects.equals(kept.dateOfBirth(), read.dateOfBirth())
                && Objects.equals(kept.nationality(), read.nationality());
    }
}

package org.ibex.biometrics;

import java.time.Instant;

/**
 * What an officer concluded from a 1:N search: the candidate confirmed as the same person (its subject and, if known,
 * person), or no match; who, when and their note. Recorded once per identification, as evidence.
 */
public record IdentificationReview(long identificationId, Long subjectId, Long personId, String note,
                                   String reviewedBy, Instant reviewedAt) {
    public boolean matchConfirmed() {
        return subjectId != null;
    }
}

package org.ibex.biometrics;

import java.time.Instant;

/** A supervisor's case that lets their post act on a person's fingerprints until it expires. */
public record BiometricCase(long id, long personId, String postId, String reason, String openedBy, Instant openedAt,
                            Instant expiresAt) {
}

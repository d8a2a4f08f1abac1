package org.ibex.confirmation;

import java.time.Instant;

/** A person this node never confirms to a partner: who recorded it, when, and why. */
public record Protection(long personId, String reason, String recordedBy, Instant recordedAt) {
}

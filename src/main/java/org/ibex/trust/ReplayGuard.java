package org.ibex.trust;

import java.time.Instant;

/** Remembers envelope ids long enough that a copy sent again inside the acceptance window is caught. */
public interface ReplayGuard {
    /**
     * Records {@code id} and says whether this is its first appearance. Must be atomic: of two concurrent calls
     * with the same id, exactly one returns true. {@code created} lets an implementation forget ids once envelopes
     * that old fall outside the verifier's window anyway. {@link EnvelopeVerifier} passes the sender's address
     * and the envelope id separated by a space, so a key is unique per sender.
     */
    boolean firstSeen(String id, Instant created);
}

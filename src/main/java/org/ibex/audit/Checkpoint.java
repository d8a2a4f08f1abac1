package org.ibex.audit;

import java.time.Instant;

/** A signed statement that the chain had {@code hash} at {@code seq}; the key travels with it (X.509, base64). */
public record Checkpoint(long seq, String hash, Instant signedAt, String signer, String publicKey, String signature) {

    /** Whether the signature is the signer's over this checkpoint; says nothing yet about trusting the key. */
    public boolean signatureHolds() {
        return Signer.verifies(publicKey, signer,
                ChainDigest.checkpointMessage(seq, hash, signedAt, signer), signature);
    }
}

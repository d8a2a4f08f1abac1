package org.ibex.trust;

import java.security.PrivateKey;

/** Opens payloads sealed to this node, with the node's private key, after the envelope has been verified. */
public final class EnvelopeDecrypter {
    private final PrivateKey key;

    public EnvelopeDecrypter(PrivateKey key) {
        if (key == null) {
            throw new IllegalArgumentException("the node's private key is required");
        }
        this.key = key;
    }

    /** The envelope with its plaintext payload; an unencrypted envelope is returned as it is. */
    public Envelope decrypt(VerifiedEnvelope verified) throws Rejection {
        Envelope envelope = verified.envelope();
        if (!verified.encrypted()) {
            return envelope;
        }
        return envelope.withPayload(PayloadCipher.open(envelope.payload(), key, envelope));
    }

    @Override
    public String toString() {
        return "EnvelopeDecrypter[key hidden]";
    }
}

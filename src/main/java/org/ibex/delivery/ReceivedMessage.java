package org.ibex.delivery;

import org.ibex.trust.NodeIdentity;

/**
 * A verified envelope from the inbox, as a handler sees it. The payload is as it arrived: ciphertext when the
 * sender encrypted it, for the handler to decrypt.
 */
public record ReceivedMessage(String id, NodeIdentity sender, String type, String stream, long sequence,
                              byte[] payload, String purpose, String agreement, String correlation) {
    public ReceivedMessage {
        payload = payload.clone();
    }

    /** A message sent for no stated purpose under no agreement, as replication's batches and tests' messages are. */
    public ReceivedMessage(String id, NodeIdentity sender, String type, String stream, long sequence, byte[] payload) {
        this(id, sender, type, stream, sequence, payload, null, null, null);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payloads carry personal data: only their size is printed. */
    @Override
    public String toString() {
        return "ReceivedMessage[id=" + id + ", sender=" + sender + ", type=" + type + ", stream=" + stream
                + ", sequence=" + sequence + ", purpose=" + purpose + ", agreement=" + agreement + ", correlation="
                + correlation + ", payload=" + payload.length + " bytes]";
    }
}

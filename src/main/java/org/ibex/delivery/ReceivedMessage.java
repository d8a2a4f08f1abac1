package org.ibex.delivery;

import org.ibex.trust.NodeIdentity;

/**
 * A verified envelope from the inbox, as a handler sees it. The payload is as it arrived: ciphertext when the
 * sender encrypted it, for the handler to decrypt.
 */
public record ReceivedMessage(String id, NodeIdentity sender, String type, String stream, long sequence,
                              byte[] payload) {
    public ReceivedMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payloads carry personal data: only their size is printed. */
    @Override
    public String toString() {
        return "ReceivedMessage[id=" + id + ", sender=" + sender + ", type=" + type + ", stream=" + stream
                + ", sequence=" + sequence + ", payload=" + payload.length + " bytes]";
    }
}

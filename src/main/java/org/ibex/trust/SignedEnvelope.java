package org.ibex.trust;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An envelope as it travels: a compact JWS over the header (which holds the payload's SHA-256) and the payload
 * bytes beside it, ciphertext when encrypted. {@link #toWire()} frames both as one byte string.
 */
public record SignedEnvelope(String token, byte[] payload) {
    public SignedEnvelope {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token is required");
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload is required (empty for none)");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The token in ASCII, a line feed, then the raw payload: compact JWS never contains a line feed. */
    public byte[] toWire() {
        byte[] head = token.getBytes(StandardCharsets.US_ASCII);
        byte[] wire = Arrays.copyOf(head, head.length + 1 + payload.length);
        wire[head.length] = '\n';
        System.arraycopy(payload, 0, wire, head.length + 1, payload.length);
        return wire;
    }

    /**
     * The header of a wire this node verified when it arrived (purpose, agreement, correlation), with an empty
     * payload: for handlers that judge a message by what it was sent for. Not a check: verify a wire before trusting it.
     */
    public static Envelope headerOf(byte[] wire) {
        int end = 0;
        while (end < wire.length && wire[end] != '\n') {
            end++;
        }
        String[] parts = new String(wire, 0, end, StandardCharsets.US_ASCII).split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("the wire does not start with a compact JWS");
        }
        try {
            return EnvelopeJson.read(java.util.Base64.getUrlDecoder().decode(parts[1])).envelope();
        } catch (Rejection e) {
            throw new IllegalArgumentException("the wire's header is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEnvelope that && token.equals(that.token) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return token.hashCode() * 31 + Arrays.hashCode(payload);
    }

    /** The token is public, but the payload may be personal data: only its size is printed. */
    @Override
    public String toString() {
        return "SignedEnvelope[token=" + token.length() + " chars, payload=" + payload.length + " bytes]";
    }
}

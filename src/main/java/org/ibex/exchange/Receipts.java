package org.ibex.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Proof of delivery: a signed {@code receipt} envelope back to the sender naming the received id and the SHA-256
 * of the payload as it arrived (the ciphertext, for an encrypted envelope), which is the digest the sender signed.
 */
public final class Receipts {
    public static final String TYPE = "receipt";
    /** A receipt is answered at once; it only has to outlive transport retries. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a receipt proves: which envelope arrived, and with which payload digest. */
    public record Proof(String receivedId, String type, byte[] payloadSha256) {
        public Proof {
            payloadSha256 = payloadSha256.clone();
        }

        @Override
        public byte[] payloadSha256() {
            return payloadSha256.clone();
        }

        /** True when this receipt acknowledges exactly {@code sent}, payload included. */
        public boolean acknowledges(Envelope sent) {
            return receivedId.equals(sent.id()) && Arrays.equals(payloadSha256, sent.payloadSha256());
        }

        @Override
        public String toString() {
            return "Proof[receivedId=" + receivedId + ", type=" + type + ", payloadSha256="
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payloadSha256) + "]";
        }
    }

    private Receipts() {
    }

    /**
     * The receipt for {@code received}, as the verifier returned it (not decrypted, so the digest matches what
     * was signed), signed by this node.
     */
    public static SignedEnvelope receiptFor(Envelope received, EnvelopeSigner localSigner, Clock clock) {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("receivedId", received.id());
        proof.put("type", received.type());
        proof.put("payloadSha256", Base64.getUrlEncoder().withoutPadding().encodeToString(received.payloadSha256()));
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(proof);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
        Instant now = clock.instant();
        Envelope receipt = new Envelope(UUID.randomUUID().toString(), localSigner.node(), received.sender(),
                TYPE, "proof of delivery", received.agreement(), now, now.plus(LIFETIME), received.id(), null, 0,
                "application/json", payload);
        return localSigner.sign(receipt);
    }

    /** Reads the proof from a verified receipt envelope. */
    public static Proof proofIn(Envelope receipt) throws Rejection {
        if (!TYPE.equals(receipt.type())) {
            throw new Rejection(Rejection.Code.MALFORMED, "field 'type' must be " + TYPE + ", got " + receipt.type());
        }
        try {
            JsonNode node = JSON.readTree(receipt.payload());
            String id = node.path("receivedId").textValue();
            String type = node.path("type").textValue();
            byte[] digest = Base64.getUrlDecoder().decode(node.path("payloadSha256").asText(""));
            if (id == null || type == null || digest.length != 32 || !id.equals(receipt.correlation())) {
                throw new Rejection(Rejection.Code.MALFORMED, "receipt payload must name 'receivedId' (equal to the"
                        + " correlation id), 'type' and a 32-byte 'payloadSha256'");
            }
            return new Proof(id, type, digest);
        } catch (IOException | IllegalArgumentException e) {
            throw new Rejection(Rejection.Code.MALFORMED, "receipt payload is not valid JSON: " + e.getMessage());
        }
    }
}

package org.ibex.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
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
        return receiptFor(List.of(received), localSigner, clock);
    }

    /**
     * One receipt for several envelopes from the same sender, as a batch delivery gets: one signature instead of
     * one per message. The correlation id is the received id when there is exactly one.
     */
    public static SignedEnvelope receiptFor(List<Envelope> received, EnvelopeSigner localSigner, Clock clock) {
        if (received.isEmpty()) {
            throw new IllegalArgumentException("a receipt acknowledges at least one envelope");
        }
        Envelope first = received.get(0);
        ObjectNode proof = JSON.createObjectNode();
        ArrayNode items = proof.putArray("received");
        for (Envelope envelope : received) {
            if (!envelope.sender().equals(first.sender())) {
                throw new IllegalArgumentException("one receipt goes to one sender; got " + first.sender() + " and "
                        + envelope.sender());
            }
            ObjectNode item = items.addObject();
            item.put("receivedId", envelope.id());
            item.put("type", envelope.type());
            item.put("payloadSha256", Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.payloadSha256()));
        }
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(proof);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
        Instant now = clock.instant();
        Envelope receipt = new Envelope(UUID.randomUUID().toString(), localSigner.node(), first.sender(),
                TYPE, "proof of delivery", first.agreement(), now, now.plus(LIFETIME),
                received.size() == 1 ? first.id() : null, null, 0, "application/json", payload);
        return localSigner.sign(receipt);
    }

    /** Reads the proofs from a verified receipt envelope, one per acknowledged envelope. */
    public static List<Proof> proofsIn(Envelope receipt) throws Rejection {
        if (!TYPE.equals(receipt.type())) {
            throw new Rejection(Rejection.Code.MALFORMED, "field 'type' must be " + TYPE + ", got " + receipt.type());
        }
        try {
            JsonNode items = JSON.readTree(receipt.payload()).path("received");
            if (!items.isArray() || items.isEmpty()) {
                throw new Rejection(Rejection.Code.MALFORMED, "receipt payload must hold a non-empty 'received' list");
            }
            List<Proof> proofs = new ArrayList<>();
            for (JsonNode node : items) {
                String id = node.path("receivedId").textValue();
                String type = node.path("type").textValue();
                byte[] digest = Base64.getUrlDecoder().decode(node.path("payloadSha256").asText(""));
                if (id == null || type == null || digest.length != 32) {
                    throw new Rejection(Rejection.Code.MALFORMED, "receipt item " + proofs.size() + " must name"
                            + " 'receivedId', 'type' and a 32-byte 'payloadSha256'");
                }
                proofs.add(new Proof(id, type, digest));
            }
            if (receipt.correlation() != null && (proofs.size() != 1
                    || !proofs.get(0).receivedId().equals(receipt.correlation()))) {
                throw new Rejection(Rejection.Code.MALFORMED, "a receipt's correlation id must be its only 'receivedId'");
            }
            return List.copyOf(proofs);
        } catch (IOException | IllegalArgumentException e) {
            throw new Rejection(Rejection.Code.MALFORMED, "receipt payload is not valid JSON: " + e.getMessage());
        }
    }
}

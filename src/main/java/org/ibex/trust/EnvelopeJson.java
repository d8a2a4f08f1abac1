package org.ibex.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * The signed header as canonical JSON: fixed field order, no whitespace, absent fields omitted, the payload
 * represented by its length and SHA-256. Reading is strict: unknown or duplicate fields are malformed, so two
 * parsers can never disagree about what was signed.
 */
final class EnvelopeJson {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS = Set.of("v", "id", "sender", "recipient", "type", "purpose",
            "agreement", "created", "expiry", "correlation", "stream", "sequence", "contentType", "payloadLength",
            "payloadSha256", "encrypted");

    /** What the signature covers: the envelope minus its payload bytes, plus their length and digest. */
    record Header(Envelope envelope, long payloadLength, byte[] payloadSha256, boolean encrypted) {
        /** The digest is public (it is signed), but there is no reason to print it. */
        @Override
        public String toString() {
            return "Header[" + envelope + ", payloadLength=" + payloadLength + ", encrypted=" + encrypted + "]";
        }
    }

    private EnvelopeJson() {
    }

    /** The header of {@code envelope}, whose payload is what travels: ciphertext when {@code encrypted}. */
    static byte[] write(Envelope envelope, boolean encrypted) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", VERSION);
        node.put("id", envelope.id());
        node.put("sender", envelope.sender().toString());
        node.put("recipient", envelope.recipient().toString());
        node.put("type", envelope.type());
        node.put("purpose", envelope.purpose());
        putIfPresent(node, "agreement", envelope.agreement());
        node.put("created", envelope.created().toString());
        node.put("expiry", envelope.expiry().toString());
        putIfPresent(node, "correlation", envelope.correlation());
        putIfPresent(node, "stream", envelope.stream());
        if (envelope.stream() != null) {
            node.put("sequence", envelope.sequence());
        }
        node.put("contentType", envelope.contentType());
        node.put("payloadLength", envelope.payloadSize());
        node.put("payloadSha256", Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.payloadSha256()));
        node.put("encrypted", encrypted);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** The header, with an empty payload in its envelope until the real one is checked against the digest. */
    static Header read(byte[] json) throws Rejection {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("header is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("header cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw malformed("header must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw malformed("header field '" + name + "' is unknown in version " + VERSION);
            }
        }
        if (integer(node, "v", true) != VERSION) {
            throw malformed("header field 'v' must be " + VERSION);
        }
        try {
            Envelope envelope = new Envelope(text(node, "id", true), NodeIdentity.parse(text(node, "sender", true)),
                    NodeIdentity.parse(text(node, "recipient", true)), text(node, "type", true),
                    text(node, "purpose", true), text(node, "agreement", false), instant(node, "created"),
                    instant(node, "expiry"), text(node, "correlation", false), text(node, "stream", false),
                    integer(node, "sequence", false), text(node, "contentType", true), new byte[0]);
            long length = integer(node, "payloadLength", true);
            byte[] digest = Base64.getUrlDecoder().decode(text(node, "payloadSha256", true));
            if (length < 0 || digest.length != 32) {
                throw malformed("header fields 'payloadLength' and 'payloadSha256' must be >= 0 and 32 bytes");
            }
            JsonNode encrypted = node.get("encrypted");
            if (encrypted == null || !encrypted.isBoolean()) {
                throw malformed("header field 'encrypted' must be true or false");
            }
            return new Header(envelope, length, digest, encrypted.booleanValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            // Envelope and NodeIdentity name the field and the rule in their messages.
            throw malformed("header is invalid: " + e.getMessage());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field, boolean required) throws Rejection {
        JsonNode value = node.get(field);
        if (value == null && !required) {
            return null;
        }
        if (value == null || !value.isTextual()) {
            throw malformed("header field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String field, boolean required) throws Rejection {
        JsonNode value = node.get(field);
        if (value == null && !required) {
            return 0;
        }
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed("header field '" + field + "' must be an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode node, String field) throws Rejection {
        try {
            return Instant.parse(text(node, field, true));
        } catch (DateTimeParseException e) {
            throw malformed("header field '" + field + "' must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
        }
    }

    private static Rejection malformed(String message) {
        return new Rejection(Rejection.Code.MALFORMED, message);
    }
}

package org.ibex.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One message between federation nodes, the same shape inside an agency, between agencies and between states.
 * The agreement reference may be null here; whether a pair of nodes needs one is a later layer's policy.
 */
public record Envelope(String id, NodeIdentity sender, NodeIdentity recipient, String type, String purpose,
                       String agreement, Instant created, Instant expiry, String correlation, String stream,
                       long sequence, String contentType, byte[] payload) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9.+-]+");
    private static final int MAX_TEXT = 1000;

    public Envelope {
        requireUuid("id", id);
        Objects.requireNonNull(sender, "sender is required");
        Objects.requireNonNull(recipient, "recipient is required");
        if (type == null || type.length() > 100 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be dotted lower-case words like crossing.record, got: " + type);
        }
        requireText("purpose", purpose, false);
        requireText("agreement", agreement, true);
        Objects.requireNonNull(created, "created is required");
        Objects.requireNonNull(expiry, "expiry is required");
        if (!expiry.isAfter(created)) {
            throw new IllegalArgumentException("expiry " + expiry + " must be after created " + created);
        }
        if (correlation != null) {
            requireUuid("correlation", correlation);
        }
        requireText("stream", stream, true);
        if (sequence < 0 || (stream == null && sequence != 0)) {
            throw new IllegalArgumentException("sequence must be >= 0, and 0 when no stream is set, got: " + sequence);
        }
        if (contentType == null || contentType.length() > 100 || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("contentType must be a media type like application/json, got: "
                    + contentType);
        }
        Objects.requireNonNull(payload, "payload is required (use an empty array for none)");
        payload = payload.clone();
    }

    /** A new message with a random id, no agreement, correlation or stream, living {@code lifetime} from now. */
    public static Envelope create(NodeIdentity sender, NodeIdentity recipient, String type, String purpose,
                                  String contentType, byte[] payload, Instant created, Duration lifetime) {
        return new Envelope(UUID.randomUUID().toString(), sender, recipient, type, purpose, null, created,
                created.plus(lifetime), null, null, 0, contentType, payload);
    }

    public Envelope withAgreement(String reference) {
        return new Envelope(id, sender, recipient, type, purpose, reference, created, expiry, correlation, stream,
                sequence, contentType, payload);
    }

    public Envelope withCorrelation(String correlationId) {
        return new Envelope(id, sender, recipient, type, purpose, agreement, created, expiry, correlationId, stream,
                sequence, contentType, payload);
    }

    /** The same message placed at {@code position} of an ordered stream. */
    public Envelope inStream(String streamKey, long position) {
        return new Envelope(id, sender, recipient, type, purpose, agreement, created, expiry, correlation, streamKey,
                position, contentType, payload);
    }

    /** The same header with another payload, as when the recipient decrypts it. */
    public Envelope withPayload(byte[] newPayload) {
        return new Envelope(id, sender, recipient, type, purpose, agreement, created, expiry, correlation, stream,
                sequence, contentType, newPayload);
    }

    /** A copy: the envelope stays unchanged whatever the caller does with the array. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadSize() {
        return payload.length;
    }

    /** SHA-256 of the payload bytes, the digest the signature covers and receipts name. */
    public byte[] payloadSha256() {
        return sha256(payload);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that && id.equals(that.id) && sender.equals(that.sender)
                && recipient.equals(that.recipient) && type.equals(that.type) && purpose.equals(that.purpose)
                && Objects.equals(agreement, that.agreement) && created.equals(that.created)
                && expiry.equals(that.expiry) && Objects.equals(correlation, that.correlation)
                && Objects.equals(stream, that.stream) && sequence == that.sequence
                && contentType.equals(that.contentType) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sender, recipient, type, created) * 31 + Arrays.hashCode(payload);
    }

    /** Payloads carry personal and biometric data: only their size is printed. */
    @Override
    public String toString() {
        return "Envelope[id=" + id + ", sender=" + sender + ", recipient=" + recipient + ", type=" + type
                + ", purpose=" + purpose + ", agreement=" + agreement + ", created=" + created + ", expiry=" + expiry
                + ", correlation=" + correlation + ", stream=" + stream + ", sequence=" + sequence
                + ", contentType=" + contentType + ", payload=" + payload.length + " bytes]";
    }

    private static void requireUuid(String field, String value) {
        if (value == null || value.length() != 36 || !canonicalUuid(value)) {
            throw new IllegalArgumentException(field + " must be a lower-case UUID, got: " + value);
        }
    }

    private static boolean canonicalUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireText(String field, String value, boolean optional) {
        if (value == null ? !optional : value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + (optional ? " may be null but not blank" : " is required")
                    + " and at most " + MAX_TEXT + " characters");
        }
    }
}

package org.ibex.trust;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {
    private static final NodeIdentity POST = NodeIdentity.parse("UTO/IMM/POST-ARL");
    private static final NodeIdentity HQ = NodeIdentity.parse("XXB/IMM/HQ");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Envelope envelope(byte[] payload) {
        return Envelope.create(POST, HQ, "biometric.search", "identify traveller", "application/x-ansi-nist", payload,
                NOW, Duration.ofMinutes(5));
    }

    @Test
    void toStringShowsThePayloadSizeNotItsBytes() {
        String printed = envelope("SECRET-MINUTIAE".getBytes()).toString();

        assertThat(printed).contains("payload=15 bytes", "biometric.search").doesNotContain("SECRET");
    }

    @Test
    void payloadCannotBeChangedThroughTheArrays() {
        byte[] payload = {1, 2, 3};
        Envelope envelope = envelope(payload);
        payload[0] = 9;
        envelope.payload()[1] = 9;

        assertThat(envelope.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void purposeIsRequired() {
        assertThatThrownBy(() -> Envelope.create(POST, HQ, "crossing.record", " ", "application/json", new byte[0], NOW,
                Duration.ofMinutes(5))).hasMessageContaining("purpose");
    }

    @Test
    void expiryMustFollowCreation() {
        assertThatThrownBy(() -> Envelope.create(POST, HQ, "crossing.record", "p", "application/json", new byte[0], NOW,
                Duration.ZERO)).hasMessageContaining("expiry");
    }

    @Test
    void sequenceIsNonNegativeInAStreamAndZeroWithout() {
        Envelope envelope = envelope(new byte[0]);

        assertThat(envelope.inStream("lane-3", 7).sequence()).isEqualTo(7);
        assertThatThrownBy(() -> envelope.inStream("lane-3", -1)).hasMessageContaining("sequence");
        assertThatThrownBy(() -> envelope.inStream(null, 3)).hasMessageContaining("sequence");
    }

    @Test
    void idAndCorrelationAreUuids() {
        Envelope envelope = envelope(new byte[0]);

        assertThatThrownBy(() -> envelope.withCorrelation("42")).hasMessageContaining("correlation");
        assertThatThrownBy(() -> new Envelope("not-a-uuid", POST, HQ, "receipt", "p", null, NOW, NOW.plusSeconds(1),
                null, null, 0, "application/json", new byte[0])).hasMessageContaining("id");
    }

    @Test
    void typeAndContentTypeHaveTheirShapes() {
        assertThatThrownBy(() -> Envelope.create(POST, HQ, "Crossing Record", "p", "application/json", new byte[0],
                NOW, Duration.ofMinutes(1))).hasMessageContaining("type");
        assertThatThrownBy(() -> Envelope.create(POST, HQ, "receipt", "p", "json", new byte[0], NOW,
                Duration.ofMinutes(1))).hasMessageContaining("contentType");
    }

    @Test
    void nodeAddressesAreStateAgencyUnit() {
        NodeIdentity address = NodeIdentity.parse("UTO/IMM/POST-ARL");

        assertThat(address.state()).isEqualTo("UTO");
        assertThat(address.agency()).isEqualTo("IMM");
        assertThatThrownBy(() -> NodeIdentity.parse("uto/imm/post")).hasMessageContaining("3 uppercase letters");
        assertThatThrownBy(() -> NodeIdentity.parse("UTO/IMM")).hasMessageContaining("STATE/AGENCY/UNIT");
        assertThatThrownBy(() -> NodeIdentity.parse("UTO/IMM/POST/X")).hasMessageContaining("STATE/AGENCY/UNIT");
    }
}

package org.ibex.delivery;

import org.ibex.trust.Envelope;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunksTest {
    private static final Envelope ORIGINAL = Envelope.create(NodeIdentity.parse("UTO/IMM/POST-ARL"),
            NodeIdentity.parse("XXB/IMM/HQ"), "biometric.search", "identify", "application/x-ansi-nist", new byte[]{1},
            Instant.parse("2026-11-24T10:00:00Z"), Duration.ofDays(30)).withAgreement("UTO-XXB-2026");

    @Test
    void chunksFormAnOrderedStreamNamedAfterTheOriginalAndJoinBackToIt() {
        byte[] wire = new byte[2_500];
        new Random(1).nextBytes(wire);

        List<Envelope> chunks = Chunks.split(ORIGINAL, wire, 1_024);

        assertThat(chunks).hasSize(3);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            Envelope chunk = chunks.get(i);
            assertThat(chunk.stream()).isEqualTo("chunks/" + ORIGINAL.id());
            assertThat(chunk.sequence()).isEqualTo(i + 1);
            assertThat(chunk.correlation()).isEqualTo(ORIGINAL.id());
            assertThat(chunk.agreement()).as("travels under the original's agreement").isEqualTo("UTO-XXB-2026");
            assertThat(chunk.expiry()).isEqualTo(ORIGINAL.expiry());
            Chunks.Part part = Chunks.parse(chunk.payload());
            assertThat(part.index()).isEqualTo(i);
            assertThat(part.count()).isEqualTo(3);
            assertThat(part.wholeSha256()).isEqualTo(Rows.sha256(wire));
            joined.writeBytes(part.bytes());
        }
        assertThat(joined.toByteArray()).isEqualTo(wire);
    }

    @Test
    void refusesHeadersThatDoNotDescribeAChunk() {
        String id = ORIGINAL.id();
        String digest = "A".repeat(43);
        assertThatThrownBy(() -> Chunks.parse("no header at all".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("no line");
        assertThatThrownBy(() -> Chunks.parse((id + " 3 3 " + digest + "\n").getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("index 3 must be below count 3");
        assertThatThrownBy(() -> Chunks.parse((id + " 0 0 " + digest + "\n").getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("below count 0");
        assertThatThrownBy(() -> Chunks.parse((id + " -1 3 " + digest + "\n").getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("must be 'id index count sha256'");
        assertThatThrownBy(() -> Chunks.parse((id + " 0 99999999999 " + digest + "\n").getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("must be 'id index count sha256'");
        assertThatThrownBy(() -> Chunks.parse(("x".repeat(500) + "\n").getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("first 200 bytes");
    }

    @Test
    void randomPayloadsEndAsAnIllegalArgument() {
        Random random = new Random(9);
        for (int i = 0; i < 1_000; i++) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            assertThatThrownBy(() -> Chunks.parse(noise)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

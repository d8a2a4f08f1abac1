package org.ibex.reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reference payload reads back as written, and anything else is refused naming the field and the rule. */
class ReferencePayloadTest {
    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aSnapshotAndADeltaReadBackAsWritten() {
        ReferencePayload snapshot = payload(ReferencePayload.STAY_RULES, ReferencePayload.STAY_RULES, null);
        assertThat(ReferencePayload.decode(ReferencePayload.SNAPSHOT, snapshot.encode())).isEqualTo(snapshot);
        ReferencePayload renewal = payload("watchlist/WANTED", ReferencePayload.WATCHLIST, 3L);
        ReferencePayload read = ReferencePayload.decode(ReferencePayload.DELTA, renewal.encode());
        assertThat(read.isRenewal()).isTrue();
        assertThat(read.baseVersion()).isEqualTo(3L);
    }

    @Test
    void aPayloadThatBreaksARuleIsRefusedNamingTheField() {
        assertRefused(ReferencePayload.SNAPSHOT, payload("templates", "templates", null), "kind must be one of");
        assertRefused(ReferencePayload.SNAPSHOT, payload("watchlist", "stay-rules", null),
                "dataset must be stay-rules or stay-rules/ID");
        assertRefused(ReferencePayload.SNAPSHOT, payload("watchlist/WANTED", "watchlist", 3L),
                "baseVersion is for deltas, not snapshots");
        assertRefused(ReferencePayload.DELTA, payload("watchlist/WANTED", "watchlist", null),
                "baseVersion is required in a delta");
        assertRefused(ReferencePayload.DELTA, payload("watchlist/WANTED", "watchlist", 9L),
                "baseVersion must lie between 0 and version 3");
        assertRefused(ReferencePayload.SNAPSHOT, new ReferencePayload("stay-rules", "stay-rules", 1, null, ISSUED,
                ISSUED.minusSeconds(1), 0, null, JsonNodeFactory.instance.arrayNode(), List.of()),
                "expiresAt is required and after issuedAt");
        assertRefused(ReferencePayload.SNAPSHOT, new ReferencePayload("stay-rules", "stay-rules", 1, null, ISSUED,
                ISSUED.plusSeconds(60), 0, null, null, List.of()), "items are required");
    }

    @Test
    void whatIsNotAPayloadIsRefusedWithoutAStackTrace() throws Exception {
        assertThatThrownBy(() -> ReferencePayload.decode(ReferencePayload.SNAPSHOT, "not gzip".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reference payload unreadable");
        assertThatThrownBy(() -> ReferencePayload.decode(ReferencePayload.SNAPSHOT, gzip("null".getBytes(
                StandardCharsets.UTF_8)))).hasMessage("reference payload is empty");
        assertThatThrownBy(() -> ReferencePayload.decode(ReferencePayload.SNAPSHOT, gzip("[1,2]".getBytes(
                StandardCharsets.UTF_8)))).hasMessageStartingWith("reference payload unreadable");
    }

    @Test
    void aGzipBombIsRefusedBeforeItUnpacks() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(packed)) {
            zip.write('{');
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < (ReferencePayload.MAX_UNPACKED_BYTES >> 20) + 1; i++) {
                zip.write(spaces);
            }
        }
        assertThat(packed.size()).isLessThan(2 << 20);
        assertThatThrownBy(() -> ReferencePayload.decode(ReferencePayload.SNAPSHOT, packed.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpacks to more than");
    }

    private static ReferencePayload payload(String dataset, String kind, Long base) {
        return new ReferencePayload(dataset, kind, 3, base, ISSUED, ISSUED.plusSeconds(72 * 3600), 0,
                JsonNodeFactory.instance.objectNode(), base == null ? JsonNodeFactory.instance.arrayNode() : null,
                List.of());
    }

    private static void assertRefused(String type, ReferencePayload payload, String rule) {
        assertThatThrownBy(() -> ReferencePayload.decode(type, payload.encode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reference payload: " + rule);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(packed)) {
            zip.write(bytes);
        }
        return packed.toByteArray();
    }
}

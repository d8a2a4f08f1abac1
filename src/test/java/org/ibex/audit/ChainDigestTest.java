package org.ibex.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical encoding is a published format: peers and external verifiers recompute it byte for byte. */
class ChainDigestTest {

    @Test
    void fieldsAreLengthPrefixedUtf8AndNullIsMinusOne() {
        assertThat(ChainDigest.encode("é", null, "")).containsExactly(
                0, 0, 0, 2, 0xC3 - 256, 0xA9 - 256,
                -1, -1, -1, -1,
                0, 0, 0, 0);
    }

    @Test
    void timesAreWholeMicrosecondsSinceTheEpoch() {
        assertThat(ChainDigest.micros(Instant.parse("1970-01-01T00:00:01.000002999Z"))).isEqualTo(1_000_002);
        assertThat(ChainDigest.micros(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo(-1_000_000);
    }

    @Test
    void anEntryHashIsPinnedSoTheFormatCannotDriftUnnoticed() {
        String hash = ChainDigest.entryHash(1, Instant.parse("2026-01-01T00:00:00Z"), "access", "officer.a",
                "person 42", "{}", ChainDigest.GENESIS);

        assertThat(hash).isEqualTo(ChainDigest.sha256(ChainDigest.encode("1", "1767225600000000", "access",
                "officer.a", "person 42", "{}", ChainDigest.GENESIS)));
        assertThat(hash).as("computed independently from the documented encoding")
                .isEqualTo("7c6249f5ab17c0b94d4f892f710eb578d9f8a6f2e51dc23f164321db612cbad9");
    }

    @Test
    void nullAndEmptyDetailHashDifferently() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(ChainDigest.entryHash(1, at, "access", "a", "s", null, ChainDigest.GENESIS))
                .isNotEqualTo(ChainDigest.entryHash(1, at, "access", "a", "s", "", ChainDigest.GENESIS));
    }
}

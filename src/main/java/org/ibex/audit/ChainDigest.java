package org.ibex.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical encoding the chain hashes and checkpoints sign. A value is encoded as a 4-byte big-endian
 * length followed by that many bytes of UTF-8; a null value as the length -1 (FF FF FF FF) and no bytes, so
 * null and "" differ and no field can run into the next. Numbers are written as decimal ASCII text, a time
 * as its whole microseconds since 1970-01-01T00:00Z, a hash as 64 lower-case hex digits.
 * <p>
 * Entry hash = lower-case hex of SHA-256(enc(seq) enc(at) enc(kind) enc(actor) enc(subject) enc(detail)
 * enc(prev_hash)); the first entry's prev_hash is {@link #GENESIS}.
 * Checkpoint message = enc("ibex-audit-checkpoint-v1") enc(seq) enc(hash) enc(signed_at) enc(signer),
 * signed with SHA256withECDSA on P-256.
 */
final class ChainDigest {
    static final String GENESIS = "0".repeat(64);
    private static final String CHECKPOINT_TAG = "ibex-audit-checkpoint-v1";

    private ChainDigest() {
    }

    static String entryHash(long seq, Instant at, String kind, String actor, String subject, String detail,
                            String prevHash) {
        return sha256(encode(Long.toString(seq), Long.toString(micros(at)), kind, actor, subject, detail, prevHash));
    }

    static String entryHash(AuditEntry entry) {
        return entryHash(entry.seq(), entry.at(), entry.kind(), entry.actor(), entry.subject(), entry.detail(),
                entry.prevHash());
    }

    static byte[] checkpointMessage(long seq, String hash, Instant signedAt, String signer) {
        return encode(CHECKPOINT_TAG, Long.toString(seq), hash, Long.toString(micros(signedAt)), signer);
    }

    static byte[] encode(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            int length = field == null ? -1 : bytes.length;
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

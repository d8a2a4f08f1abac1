package org.ibex.delivery;

import org.ibex.trust.Envelope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Large envelopes travel as ordered chunks, each a signed envelope of its own in a stream named after the
 * original, so a link that drops mid-transfer resumes at the first chunk without a receipt. The receiver joins
 * the chunks back into the original wire form and verifies that like any arrival: chunking adds no trust.
 */
final class Chunks {
    static final String TYPE = "exchange.chunk";
    static final String CONTENT_TYPE = "application/vnd.ibex.chunk";
    static final String STREAM_PREFIX = "chunks/";
    /** Small enough that a chunk gets through a poor satellite link between drops, large enough to keep overhead low. */
    static final int DEFAULT_CHUNK_BYTES = 256 * 1024;
    private static final Pattern HEADER = Pattern.compile("([0-9a-f-]{36}) ([0-9]{1,9}) ([0-9]{1,9}) ([A-Za-z0-9_-]{43})");

    /** What a chunk says about its place in the original. */
    record Part(String originalId, int index, int count, byte[] wholeSha256, byte[] bytes) {
    }

    private Chunks() {
    }

    /** The chunk envelopes of {@code wire}, the signed original, in order; unsigned: the outbox signs them. */
    static List<Envelope> split(Envelope original, byte[] wire, int chunkBytes) {
        int count = (wire.length + chunkBytes - 1) / chunkBytes;
        String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(Rows.sha256(wire));
        List<Envelope> chunks = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            byte[] header = (original.id() + " " + index + " " + count + " " + digest + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            int from = index * chunkBytes;
            int to = Math.min(wire.length, from + chunkBytes);
            byte[] payload = Arrays.copyOf(header, header.length + to - from);
            System.arraycopy(wire, from, payload, header.length, to - from);
            chunks.add(new Envelope(UUID.randomUUID().toString(), original.sender(), original.recipient(), TYPE,
                    "part of " + original.id(), original.agreement(), original.created(), original.expiry(),
                    original.id(), STREAM_PREFIX + original.id(), index + 1, CONTENT_TYPE, payload));
        }
        return chunks;
    }

    /** Reads a chunk's payload; a malformed one is an {@link IllegalArgumentException} naming what is wrong. */
    static Part parse(byte[] payload) {
        int end = -1;
        for (int i = 0; i < Math.min(payload.length, 200) && end < 0; i++) {
            end = payload[i] == '\n' ? i : -1;
        }
        if (end < 0) {
            throw new IllegalArgumentException("chunk header: no line 'id index count sha256' in the first 200 bytes");
        }
        Matcher header = HEADER.matcher(new String(payload, 0, end, StandardCharsets.US_ASCII));
        if (!header.matches()) {
            throw new IllegalArgumentException("chunk header must be 'id index count sha256'");
        }
        int index = Integer.parseInt(header.group(2));
        int count = Integer.parseInt(header.group(3));
        if (count < 1 || index >= count) {
            throw new IllegalArgumentException("chunk header: index " + index + " must be below count " + count);
        }
        return new Part(header.group(1), index, count, Base64.getUrlDecoder().decode(header.group(4)),
                Arrays.copyOfRange(payload, end + 1, payload.length));
    }
}

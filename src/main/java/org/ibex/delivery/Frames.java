package org.ibex.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch framing on the wire: each part as a 4-byte big-endian length and its bytes. Lengths are checked against
 * what is left before anything is allocated, so a forged length cannot make us reserve memory.
 */
public final class Frames {
    public static final String CONTENT_TYPE = "application/vnd.ibex.batch";
    /** Most parts in one batch: enough to amortise a request, few enough that one batch stays a short transaction. */
    public static final int MAX_PARTS = 1000;

    private Frames() {
    }

    public static byte[] encode(List<byte[]> parts) {
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_PARTS + " parts, got " + parts.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.stream().mapToInt(p -> p.length + 4).sum());
        for (byte[] part : parts) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(part.length).array());
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Splits a batch; a truncated, overlong or empty frame is refused with a message naming the part. */
    public static List<byte[]> decode(byte[] batch) {
        List<byte[]> parts = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(batch);
        while (in.hasRemaining()) {
            if (parts.size() == MAX_PARTS) {
                throw new IllegalArgumentException("batch: more than " + MAX_PARTS + " parts");
            }
            if (in.remaining() < 4) {
                throw new IllegalArgumentException("batch part " + parts.size() + ": length prefix needs 4 bytes, "
                        + in.remaining() + " left");
            }
            int length = in.getInt();
            if (length <= 0 || length > in.remaining()) {
                throw new IllegalArgumentException("batch part " + parts.size() + ": length " + length
                        + " must be 1 to the " + in.remaining() + " bytes left");
            }
            byte[] part = new byte[length];
            in.get(part);
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("batch: no parts");
        }
        return parts;
    }
}

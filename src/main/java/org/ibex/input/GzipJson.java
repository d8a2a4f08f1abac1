package org.ibex.input;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzipped JSON, the payload of the pillars' bulk messages (record batches, reference data): written whole, and read
 * within a bound on the unpacked bytes, so a small envelope cannot unpack into a memory bomb.
 */
public final class GzipJson {
    private GzipJson() {
    }

    public static byte[] write(ObjectMapper json, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            json.writeValue(zip, value);
        } catch (IOException e) {
            throw new UncheckedIOException(value.getClass().getSimpleName() + " always encodes", e);
        }
        return out.toByteArray();
    }

    /** Reads {@code payload} as {@code type}; fails with an IOException past {@code maxUnpacked} bytes or on bad input. */
    public static <T> T read(ObjectMapper json, byte[] payload, Class<T> type, long maxUnpacked) throws IOException {
        try (InputStream in = new Bounded(new GZIPInputStream(new ByteArrayInputStream(payload)), maxUnpacked)) {
            return json.readValue(in, type);
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("unpacks to more than " + limit + " bytes");
            }
        }
    }
}

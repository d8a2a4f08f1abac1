package org.ibex.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.journal.JournalRecord;
import org.ibex.store.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Many journal records in one signed envelope, so replication pays one signature and one receipt per batch rather
 * than per record. Gzipped JSON: crossings repeat their field names and codes, and a satellite link is paid by the
 * byte. {@code journalHead} and {@code oldestWaiting} tell headquarters how far behind the post still is.
 */
public record RecordBatch(String origin, long journalHead, Instant oldestWaiting, List<JournalRecord> records) {
    /** Envelope type of a batch from a post to its headquarters. */
    public static final String TYPE = "records.batch";
    public static final String CONTENT_TYPE = "application/vnd.ibex.records+json+gzip";
    /** Bounds the unpacked batch, so a small envelope cannot unpack into a memory bomb. */
    static final int MAX_UNPACKED_BYTES = 64 << 20;
    private static final ObjectMapper JSON = Json.mapper();

    public RecordBatch {
        records = List.copyOf(records);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            JSON.writeValue(zip, this);
        } catch (IOException e) {
            throw new UncheckedIOException("a batch always encodes", e);
        }
        return out.toByteArray();
    }

    /** Reads a batch, refusing one that unpacks beyond {@link #MAX_UNPACKED_BYTES} or is not a batch. */
    public static RecordBatch decode(byte[] payload) {
        try (InputStream in = new BoundedInput(new GZIPInputStream(new ByteArrayInputStream(payload)),
                MAX_UNPACKED_BYTES)) {
            RecordBatch batch = JSON.readValue(in, RecordBatch.class);
            if (batch == null || batch.origin() == null) {
                throw new IllegalArgumentException("records batch: origin is required");
            }
            return batch;
        } catch (IOException e) {
            throw new IllegalArgumentException("records batch: unreadable: " + e.getMessage(), e);
        }
    }

    /** First and last sequence, for outcomes and logs. */
    public String span() {
        return records.isEmpty() ? "none" : records.get(0).seq() + ".." + records.get(records.size() - 1).seq();
    }

    private static final class BoundedInput extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        BoundedInput(InputStream in, long limit) {
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

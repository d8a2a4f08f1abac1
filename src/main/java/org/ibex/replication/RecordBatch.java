package org.ibex.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.journal.JournalRecord;
import org.ibex.input.GzipJson;
import org.ibex.store.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

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
        return GzipJson.write(JSON, this);
    }

    /** Reads a batch, refusing one that unpacks beyond {@link #MAX_UNPACKED_BYTES} or is not a batch. */
    public static RecordBatch decode(byte[] payload) {
        try {
            RecordBatch batch = GzipJson.read(JSON, payload, RecordBatch.class, MAX_UNPACKED_BYTES);
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
}

package org.ibex.sync;

import org.ibex.journal.RecordJournal;
import org.ibex.node.Node;
import org.ibex.store.Sql;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;

/**
 * Rows of the tables sync state is read from, written as the pillars that own them would leave them: the journal,
 * the shipped mark, the exchange's peer record, reference copies, and headquarters' national store.
 */
public final class SyncSeeds {
    private final Node node;

    public SyncSeeds(Node node) {
        this.node = node;
    }

    /** Appends a crossing-kind record at {@code post} captured at {@code capturedAt}; returns its sequence. */
    public long journal(String post, Instant capturedAt) {
        return node.database.inTransaction(c -> new RecordJournal().append(c, "crossing", post, capturedAt,
                Map.of("uid", "seed-" + capturedAt)));
    }

    public void shipped(String target, long upTo, Instant at) {
        update("INSERT INTO record_shipment (target, shipped_up_to, shipped_at) VALUES (?,?,?)", target, upTo, at);
    }

    public void peerContact(String peer, Instant at) {
        update("INSERT INTO exchange_peer (node, last_contact) VALUES (?,?)", peer, at);
    }

    public void reference(String dataset, String kind, long version, Instant issuedAt, Instant expiresAt, long items) {
        update("INSERT INTO reference_copy (dataset, kind, version, publisher, issued_at, received_at, expires_at,"
                + " items) VALUES (?,?,?,?,?,?,?,?)", dataset, kind, version, "UTO/IMM/HQ", issuedAt, issuedAt,
                expiresAt, items);
    }

    /** What a post said with its last batch, as the national store keeps it. */
    public void postContact(String post, Instant lastBatchAt, long lastSeq, long journalHead, Instant oldestWaiting) {
        update("INSERT INTO national_post_contact (origin_node, last_batch_at, last_seq, journal_head,"
                + " oldest_waiting_at) VALUES (?,?,?,?,?)", post, lastBatchAt, lastSeq, journalHead, oldestWaiting);
    }

    /** {@code count} records of {@code origin} in the national store, sequences 1..count. */
    public void held(String origin, int count, Instant at) {
        node.database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO national_record (origin_node, origin_seq,"
                    + " kind, post_id, captured_at, received_at, envelope_id, payload, outcome)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int seq = 1; seq <= count; seq++) {
                    Sql.bindAll(insert, origin, seq, "crossing", null, at, at, "env-" + origin.hashCode() + "-" + seq);
                    insert.setBytes(8, "{}".getBytes(StandardCharsets.UTF_8));
                    insert.setString(9, "applied");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private void update(String sql, Object... values) {
        node.database.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                Sql.bindAll(statement, values);
                return statement.executeUpdate();
            }
        });
    }
}

package org.ibex.replication;

import org.ibex.border.CrossingRecords;
import org.ibex.border.DispositionRecords;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordKinds;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headquarters' national store facing what a post, or something claiming to be one, may send: batches offered
 * twice, records of a post that reports through another node, payloads that are not their kind, senders that are not
 * its posts, and batches that are not batches at all.
 */
class NationalStoreTest {
    private static final NodeIdentity HQ = NodeIdentity.parse("UTO/IMM/HQ");
    private static final NodeIdentity POST_A = NodeIdentity.parse("UTO/IMM/POST-A");
    private static final NodeIdentity POST_B = NodeIdentity.parse("UTO/IMM/POST-B");
    private static final NodeIdentity POLICE = NodeIdentity.parse("UTO/POL/STATION");
    private static final String COUNTED = "test.counted";
    private final Database database = TestDatabases.fresh();
    private final List<Long> counted = new ArrayList<>();
    private final NationalStore store = new NationalStore(new FederationRoles(HQ, () -> Stream.of(HQ, POST_A, POST_B,
            POLICE).map(n -> new DirectoryEntry(n, URI.create("https://127.0.0.1:1"), "pem", Instant.MAX)).toList(),
            null), Map.of(COUNTED, count(), RecordKinds.CROSSING, new CrossingRecords(),
            RecordKinds.DISPOSITION, new DispositionRecords()), (c, persons, origin) -> { }, Clock.systemUTC());

    @AfterEach
    void close() {
        database.close();
    }

    private RecordApplier count() {
        return (connection, origin, record) -> {
            counted.add(record.seq());
            return RecordApplier.Applied.kept("counted " + record.seq());
        };
    }

    @Test
    void aBatchOfferedTwiceIsAppliedOnce() {
        byte[] batch = batch(POST_A, record(1, COUNTED, "P1", "{}"), record(2, COUNTED, "P1", "{}"));
        assertThat(handle(POST_A, batch)).isEqualTo("records 1..2 from UTO/IMM/POST-A: applied 2");
        assertThat(handle(POST_A, batch)).isEqualTo("records 1..2 from UTO/IMM/POST-A: applied 0, already held 2");
        assertThat(counted).containsExactly(1L, 2L);
        assertThat(rows("SELECT COUNT(*) FROM national_record")).isEqualTo(2);
    }

    @Test
    void aRecordOfAPostThatReportsThroughAnotherNodeIsKeptAndRefused() {
        handle(POST_A, batch(POST_A, record(1, COUNTED, "P1", "{}")));
        assertThat(handle(POST_B, batch(POST_B, record(1, COUNTED, "P1", "{}"), record(2, COUNTED, "P2", "{}"))))
                .isEqualTo("records 1..2 from UTO/IMM/POST-B: applied 1, refused 1");
        assertThat(counted).containsExactly(1L, 2L);
        assertThat(outcome(POST_B, 1)).isEqualTo("refused: post P1 reports through UTO/IMM/POST-A");

        // The refused claim does not take the post away from the node that reports it.
        assertThat(handle(POST_A, batch(POST_A, record(2, COUNTED, "P1", "{}"))))
                .isEqualTo("records 2..2 from UTO/IMM/POST-A: applied 1");
    }

    @Test
    void aRecordWhosePayloadIsNotItsKindIsKeptAsUnreadableAndThePostsLaterRecordsGoOn() {
        String disposition = "{\"postId\":\"P1\",\"crossingUid\":\"u1\",\"listId\":\"l\",\"entryId\":\"e\","
                + "\"act\":\"CONFIRMED\",\"decidedBy\":\"x\",\"decidedAt\":\"2026-01-01T00:00:00Z\"}";
        String result = handle(POST_A, batch(POST_A, record(1, RecordKinds.CROSSING, "P1", disposition),
                record(2, RecordKinds.DISPOSITION, "P1", "[1,2"), record(3, RecordKinds.DISPOSITION, "P1",
                        disposition.replace("\"listId\":\"l\",", "")), record(4, COUNTED, "P1", "{}")));

        assertThat(result).isEqualTo("records 1..4 from UTO/IMM/POST-A: applied 1, unreadable 3");
        assertThat(outcome(POST_A, 1)).startsWith("unreadable: record 1 is not a crossing: ");
        assertThat(outcome(POST_A, 2)).startsWith("unreadable: record 2 is not a hit disposition:");
        assertThat(outcome(POST_A, 3)).isEqualTo("unreadable: record 3 is not a hit disposition: listId required");
        assertThat(counted).as("the record after them is applied").containsExactly(4L);
        assertThat(rows("SELECT last_seq FROM national_post_contact")).isEqualTo(4);
        assertThat(rows("SELECT COUNT(*) FROM crossing")).isZero();
    }

    @Test
    void aDispositionOfAHitHeadquartersDoesNotHoldIsKeptSayingSo() {
        String disposition = "{\"postId\":\"P1\",\"crossingUid\":\"u1\",\"listId\":\"l\",\"entryId\":\"e\","
                + "\"act\":\"CONFIRMED\",\"decidedBy\":\"x\",\"decidedAt\":\"2026-01-01T00:00:00Z\"}";
        handle(POST_A, batch(POST_A, record(1, RecordKinds.DISPOSITION, "P1", disposition)));
        assertThat(outcome(POST_A, 1)).isEqualTo("kept: headquarters holds no crossing P1/u1");
        assertThat(rows("SELECT COUNT(*) FROM hit_disposition")).isZero();
    }

    @Test
    void onlyThisHeadquartersOwnPostsAreHeard() {
        assertThat(handle(POLICE, batch(POLICE, record(1, COUNTED, "P9", "{}"))))
                .isEqualTo("refused: UTO/POL/STATION is not a post of UTO/IMM/HQ");
        NodeIdentity unlisted = NodeIdentity.parse("UTO/IMM/POST-Z");
        assertThat(handle(unlisted, batch(unlisted, record(1, COUNTED, "P9", "{}"))))
                .isEqualTo("refused: UTO/IMM/POST-Z is not a post of UTO/IMM/HQ");
        assertThat(handle(POST_B, batch(POST_A, record(1, COUNTED, "P9", "{}"))))
                .isEqualTo("refused: batch names origin UTO/IMM/POST-A but was sent by UTO/IMM/POST-B");
        assertThat(counted).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM national_record")).isZero();
    }

    @Test
    void aBatchThatIsNotGzipOrUnpacksBeyondTheBoundIsRefused() throws IOException {
        assertThat(handle(POST_A, "not gzip".getBytes(StandardCharsets.UTF_8)))
                .startsWith("refused: records batch: unreadable: ");
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(packed)) {
            zip.write("{\"origin\":\"UTO/IMM/POST-A\",\"records\":[".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 65; i++) {
                zip.write(chunk);
            }
        }
        assertThat(packed.size()).as("a small envelope").isLessThan(1 << 20);
        assertThat(handle(POST_A, packed.toByteArray()))
                .isEqualTo("refused: records batch: unreadable: unpacks to more than 67108864 bytes");
        assertThat(rows("SELECT COUNT(*) FROM national_record")).isZero();
    }

    private static JournalRecord record(long seq, String kind, String post, String payload) {
        return new JournalRecord(seq, kind, post, Instant.parse("2026-01-01T00:00:00Z"), payload);
    }

    private static byte[] batch(NodeIdentity origin, JournalRecord... records) {
        return new RecordBatch(origin.toString(), records[records.length - 1].seq(), null, List.of(records)).encode();
    }

    private String handle(NodeIdentity sender, byte[] payload) {
        return database.inTransaction(c -> store.handle(c, new ReceivedMessage(UUID.randomUUID().toString(), sender,
                RecordBatch.TYPE, "records", 1, payload)));
    }

    private String outcome(NodeIdentity origin, long seq) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT outcome FROM national_record"
                    + " WHERE origin_node = ? AND origin_seq = ?")) {
                select.setString(1, origin.toString());
                select.setLong(2, seq);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    private long rows(String sql) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}

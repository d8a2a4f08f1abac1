package org.ibex.cli;

import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex replication records}: a stopped headquarters' national store from the shell; a post says where it is. */
class ReplicationRecordsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheNationalStoreOfAStoppedHeadquartersNewestFirstAndAPostSaysItKeepsNone() throws Exception {
        CliFederation pki = new CliFederation(dir);
        pki.issue("UTO/IMM/HQ", "https://127.0.0.1:9443", "hq");
        pki.issue("UTO/IMM/POST-ARL", "https://127.0.0.1:9444", "post");
        pki.directory("directory.json");
        TestDataFolder hq = pki.joined("hq", "directory.json");
        TestDataFolder post = pki.joined("post", "directory.json");
        try (Database database = hq.openDatabase()) {
            database.inTransaction(c -> {
                insert(c, 1, "crossing", "2026-03-01T08:00:00Z", "crossing/1 person/1");
                insert(c, 2, "enrolment", "2026-03-01T09:00:00Z", "subject/1 person/1 fingers=2");
                insert(c, 3, "crossing", "2026-03-01T10:00:00Z", "crossing/2 person/1");
                return null;
            });
        }

        CliRun all = CliFederation.ok("replication", "records", "--data", hq.arg());
        assertThat(all.out()).containsSubsequence("2026-03-01T10:00:00Z  UTO/IMM/POST-ARL", "crossing/2 person/1",
                "2026-03-01T09:00:00Z", "subject/1 person/1 fingers=2", "2026-03-01T08:00:00Z", "3 records");
        CliRun crossings = CliFederation.ok("replication", "records", "--data", hq.arg(), "--kind", "crossing",
                "--post", "ARL", "--limit", "1", "--json");
        assertThat(crossings.out().strip().lines()).hasSize(1);
        assertThat(crossings.out()).contains("\"seq\":3", "\"kind\":\"crossing\"");
        try (Database database = hq.openDatabase()) {
            long logged = database.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM access_log"
                        + " WHERE action = 'national.records.read'")) {
                    return Sql.list(s, row -> row.getLong(1)).get(0);
                }
            });
            assertThat(logged).as("each listing is logged").isEqualTo(2L);
        }

        CliRun bad = CliRun.of("replication", "records", "--data", hq.arg(), "--limit", "0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("limit must be 1..1000 (got 0)");
        assertThat(bad.printedStackTrace()).isFalse();
        CliRun atPost = CliRun.of("replication", "records", "--data", post.arg());
        assertThat(atPost.exit()).isEqualTo(1);
        assertThat(atPost.err()).contains("this node is not a headquarters");
    }

    private static void insert(java.sql.Connection c, long seq, String kind, String at, String outcome)
            throws java.sql.SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO national_record (origin_node, origin_seq,"
                + " kind, post_id, captured_at, received_at, envelope_id, payload, outcome) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, "UTO/IMM/POST-ARL", seq, kind, "ARL", Instant.parse(at), Instant.parse(at), "env-" + seq);
            insert.setBytes(8, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(9, outcome);
            insert.executeUpdate();
        }
    }
}

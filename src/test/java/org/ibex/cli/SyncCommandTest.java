package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex sync status} on stopped nodes, as an operator runs it at a post and at headquarters. */
class SyncCommandTest {
    private static final String NOWHERE = "https://127.0.0.1:9";

    @TempDir
    Path dir;

    @Test
    void showsAPostsBacklogAndStaleListsAndHeadquartersItsPosts() throws Exception {
        CliFederation pki = new CliFederation(dir);
        pki.issue("UTO/IMM/POST-ARL", NOWHERE, "post");
        pki.issue("UTO/IMM/HQ", NOWHERE, "hq");
        pki.directory("directory.json");
        TestDataFolder post = pki.joined("post", "directory.json");
        TestDataFolder hq = pki.joined("hq", "directory.json");
        CliRun first = CliFederation.ok("sync", "status", "--data", post.arg());
        assertThat(first.out()).contains("post UTO/IMM/POST-ARL, headquarters UTO/IMM/HQ",
                "last contact with headquarters: never", "0 records not yet queued", "(no reference copy received yet)");

        try (Database database = post.openDatabase()) {
            database.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO reference_copy (dataset, kind,"
                        + " version, publisher, issued_at, received_at, expires_at, items) VALUES (?,?,?,?,?,?,?,?)")) {
                    Instant issued = Instant.now().minus(Duration.ofDays(3));
                    Sql.bindAll(insert, "watchlist:national", "watchlist", 9, "UTO/IMM/HQ", issued, issued,
                            Instant.now().plus(Duration.ofDays(1)), 250);
                    return insert.executeUpdate();
                }
            });
        }
        CliRun text = CliFederation.ok("sync", "status", "--data", post.arg());
        assertThat(text.out()).contains("watchlist:national", "STALE: too-old", "3d0h");
        JsonNode json = Json.mapper().readTree(CliFederation.ok("sync", "status", "--data", post.arg(), "--json").out());
        assertThat(json.path("role").asText()).isEqualTo("post");
        assertThat(json.path("references").get(0).path("stale").asBoolean()).isTrue();
        assertThat(json.path("references").get(0).path("version").asLong()).isEqualTo(9);

        CliRun center = CliFederation.ok("sync", "status", "--data", hq.arg());
        assertThat(center.out()).contains("headquarters UTO/IMM/HQ: 1 posts, 1 stale", "UTO/IMM/POST-ARL", "never",
                "STALE: never-heard");
    }

    @Test
    void aFolderThatHasNotJoinedIsToldSoWithoutAStackTrace() {
        TestDataFolder alone = TestDataFolder.create();
        CliRun run = CliRun.of("sync", "status", "--data", alone.arg());
        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("has not joined a federation", "ibex exchange join");
        assertThat(run.printedStackTrace()).isFalse();
    }
}

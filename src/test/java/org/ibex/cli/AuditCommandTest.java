package org.ibex.cli;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** ibex audit verify, checkpoint and archive as an operator runs them against a data folder. */
class AuditCommandTest {
    private final TestDataFolder data = TestDataFolder.create();

    @Test
    void verifyExitsZeroOnAnIntactChain() {
        append(4, "2020-01-10T08:00:00Z");

        CliRun run = CliRun.of("audit", "verify", "--data", data.arg());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("audit chain intact: 4 entries");
    }

    @Test
    void verifyExitsOneWithOneLinePerBreak() {
        append(5, "2020-01-10T08:00:00Z");
        tamper("UPDATE audit_entry SET detail = 'x' WHERE seq = 2", "DELETE FROM audit_entry WHERE seq = 4");

        CliRun run = CliRun.of("audit", "verify", "--data", data.arg());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out().lines().toList().get(0)).startsWith("seq 2: ENTRY_CHANGED");
        assertThat(run.out().lines().toList().get(1)).startsWith("seq 4: MISSING_ENTRIES");
        assertThat(run.printedStackTrace()).isFalse();
    }

    @Test
    void verifyPrintsJsonOnRequest() {
        append(2, "2020-01-10T08:00:00Z");

        CliRun run = CliRun.of("audit", "verify", "--data", data.arg(), "--json");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("\"ok\":true", "\"entriesChecked\":2", "\"breaks\":[]");
    }

    @Test
    void aUsageErrorExitsTwo() {
        assertThat(CliRun.of("audit", "verify", "--data", data.arg(), "--no-such-flag").exit()).isEqualTo(2);
        assertThat(CliRun.of("audit", "archive", "--data", data.arg()).exit()).as("--before is required").isEqualTo(2);
        assertThat(CliRun.of("audit", "archive", "--data", data.arg(), "--before", "soon").exit()).isEqualTo(2);
    }

    @Test
    void checkpointThenArchiveThenVerifyStillPasses() {
        append(3, "2020-01-10T08:00:00Z");
        CliRun checkpoint = CliRun.of("audit", "checkpoint", "--data", data.arg());
        append(2, "2020-06-10T08:00:00Z");

        CliRun archive = CliRun.of("audit", "archive", "--data", data.arg(), "--before", "2021-01-01");
        CliRun verify = CliRun.of("audit", "verify", "--data", data.arg());

        assertThat(checkpoint.exit()).as(checkpoint.output()).isZero();
        assertThat(checkpoint.out()).contains("checkpoint at seq 3");
        assertThat(Files.exists(data.path().resolve("keys/audit-signing.p12"))).as("the key is made at first use").isTrue();
        assertThat(archive.exit()).as(archive.output()).isZero();
        assertThat(archive.out()).contains("archived seq 1..3");
        assertThat(data.path().resolve("audit-archive")).isDirectoryContaining("glob:**/audit-*.jsonl");
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.out()).contains("audit chain intact: 5 entries, 1 checkpoints");
    }

    private void append(int count, String at) {
        AuditLog log = new AuditLog(Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
        try (Database database = data.openDatabase()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                database.inTransaction(c -> log.append(c, new AuditEntry.Draft("message-sent", "node", "peer", "n=" + n)));
            }
        }
    }

    private void tamper(String... statements) {
        try (Database database = data.openDatabase()) {
            database.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(database.isPostgres() ? "DROP TRIGGER audit_entry_append_only ON audit_entry"
                            : "DROP TRIGGER audit_entry_append_only");
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
                return null;
            });
        }
    }
}

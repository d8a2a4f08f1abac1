package org.ibex.audit;

import org.ibex.store.Database;
import org.ibex.store.TestDatabases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A fresh database with an audit chain, and a way to change it behind the application's back. */
final class AuditFixture implements AutoCloseable {
    final Database database = TestDatabases.fresh();
    final Path folder = TestDatabases.tempFolder();

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** Appends entries seq from..to with the log's clock, each in its own transaction. */
    void append(AuditLog log, int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            database.inTransaction(connection -> log.append(connection,
                    new AuditEntry.Draft("message-sent", "node-a", "peer-" + n, "{\"n\":" + n + "}")));
        }
    }

    Checkpoint checkpoint(AuditLog log, Signer signer) {
        return database.inTransaction(connection -> log.checkpoint(connection, signer));
    }

    AuditVerifier.Verification verify(Path archive) {
        return verify(new AuditVerifier(), archive);
    }

    AuditVerifier.Verification verify(AuditVerifier verifier, Path archive) {
        return database.read(connection -> verifier.verify(connection, archive));
    }

    /** Runs SQL as someone with database access would: the append-only trigger dropped first. */
    void tamper(String... statements) {
        database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(database.isPostgres() ? "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry"
                        : "DROP TRIGGER IF EXISTS audit_entry_append_only");
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    /** Exchanges everything but seq between two rows. */
    void swap(long a, long b) {
        tamper();
        database.inTransaction(connection -> {
            String columns = "at, kind, actor, subject, detail, prev_hash, hash";
            Object[][] rows = new Object[2][];
            long[] seqs = {a, b};
            for (int i = 0; i < 2; i++) {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM audit_entry WHERE seq = ?")) {
                    select.setLong(1, seqs[i]);
                    try (var row = select.executeQuery()) {
                        row.next();
                        rows[i] = new Object[7];
                        for (int c = 0; c < 7; c++) {
                            rows[i][c] = row.getObject(c + 1);
                        }
                    }
                }
            }
            for (int i = 0; i < 2; i++) {
                overwrite(connection, seqs[i], rows[1 - i]);
            }
            return null;
        });
    }

    private static void overwrite(Connection connection, long seq, Object[] values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_entry SET at = ?, kind = ?, actor = ?, "
                + "subject = ?, detail = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
            for (int c = 0; c < 7; c++) {
                update.setObject(c + 1, values[c]);
            }
            update.setLong(8, seq);
            update.executeUpdate();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}

package org.ibex.store;

import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * H2 can come back from a SIGKILL with an identity counter below ids already committed (its cache end is written
 * after the value is handed out). Opening the store must put every counter above its rows, so the first insert
 * after a power cut succeeds. The kill itself is exercised by {@code org.ibex.cli.CrashRestartIdsTest}.
 */
class IdentityAfterCrashTest {
    private static final AccessLog.Access ACCESS =
            new AccessLog.Access("officer.a", "officer", "crossing.read", "1", "inspection", "127.0.0.1");

    @Test
    void anIdentityCounterLeftBelowCommittedRowsIsRestartedAboveThemWhenTheStoreOpens() throws Exception {
        assumeFalse(TestDatabases.postgres(), "PostgreSQL logs a sequence's advance before rows use it");
        Path folder = TestDatabases.tempFolder();
        StoreConfig config = StoreConfig.embedded(folder);
        try (Database database = Database.open(config)) {
            AccessLog log = new AccessLog(database, new AuditLog(Clock.systemUTC()), Clock.systemUTC());
            for (int i = 0; i < 40; i++) {
                log.record(ACCESS);
            }
            // The state a kill can leave: the catalogue's counter behind the committed rows.
            database.inTransaction(connection -> {
                try (Statement rewind = connection.createStatement()) {
                    rewind.execute("ALTER TABLE access_log ALTER COLUMN id RESTART WITH 7");
                }
                return null;
            });
        }

        try (Database database = Database.open(config)) {
            AccessLog log = new AccessLog(database, new AuditLog(Clock.systemUTC()), Clock.systemUTC());
            assertThatCode(() -> log.record(ACCESS))
                    .as("the first access logged after the restart takes a new id, not one already stored")
                    .doesNotThrowAnyException();
            assertThat(maxId(database)).as("the new entry comes after the 40 before the crash").isEqualTo(41);
        }
    }

    @Test
    void countersAlreadyAheadOfTheirRowsAreLeftAsTheyAre() throws Exception {
        assumeFalse(TestDatabases.postgres(), "the realignment runs on H2 only");
        StoreConfig config = StoreConfig.embedded(TestDatabases.tempFolder());
        try (Database database = Database.open(config)) {
            new AccessLog(database, new AuditLog(Clock.systemUTC()), Clock.systemUTC()).record(ACCESS);
            database.inTransaction(connection -> {
                try (Statement ahead = connection.createStatement()) {
                    ahead.execute("ALTER TABLE access_log ALTER COLUMN id RESTART WITH 1000");
                }
                return null;
            });
        }
        try (Database database = Database.open(config)) {
            new AccessLog(database, new AuditLog(Clock.systemUTC()), Clock.systemUTC()).record(ACCESS);
            assertThat(maxId(database)).as("a gap is harmless; moving a counter back would not be").isEqualTo(1000);
        }
    }

    private static long maxId(Database database) {
        return database.read(connection -> {
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT MAX(id) FROM access_log")) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}

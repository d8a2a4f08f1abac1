package org.ibex.store;

import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database refuses to change or delete crossings and access-log rows, whatever the caller. */
class AppendOnlyTest {
    @Test
    void theAccessLogRefusesUpdatesAndDeletes() {
        try (Database database = TestDatabases.fresh()) {
            database.inTransaction(c -> {
                try (var insert = c.prepareStatement("INSERT INTO access_log(at, actor, role, action, subject, purpose)"
                        + " VALUES (?, 'a', 'admin', 'x', 'y', 'z')")) {
                    Sql.bindAll(insert, Instant.now());
                    return insert.executeUpdate();
                }
            });
            assertThatThrownBy(() -> database.inTransaction(c -> execute(c.createStatement(), "UPDATE access_log SET actor = 'b'")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> database.inTransaction(c -> execute(c.createStatement(), "DELETE FROM access_log")))
                    .hasMessageContaining("append-only");
            String actor = database.read(c -> {
                try (var rows = c.createStatement().executeQuery("SELECT actor FROM access_log")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(actor).as("the row is as written").isEqualTo("a");
        }
    }

    @Test
    void aStoredCrossingCannotBeChangedInPlace() {
        try (Database database = TestDatabases.fresh()) {
            assertThatThrownBy(() -> database.inTransaction(c -> {
                execute(c.createStatement(), "INSERT INTO post(id, name, kind, zone_id) VALUES ('P', 'P', 'LAND', 'UTC')");
                execute(c.createStatement(), "INSERT INTO person(surname, given_names, nationality, sex, created_at)"
                        + " VALUES ('S', 'G', 'UTO', 'F', CURRENT_TIMESTAMP)");
                execute(c.createStatement(), "INSERT INTO crossing(uid, direction, post_id, officer, occurred_at, zone_id,"
                        + " person_id, document_code, issuing_state, document_number, nationality, surname, given_names, sex,"
                        + " checks, decision, reasons, recorded_at) SELECT 'u1', 'ENTRY', 'P', 'o', CURRENT_TIMESTAMP, 'UTC',"
                        + " id, 'P', 'UTO', 'N1', 'UTO', 'S', 'G', 'F', '[]', 'ADMIT', '[]', CURRENT_TIMESTAMP FROM person");
                return execute(c.createStatement(), "UPDATE crossing SET decision = 'REFUSE'");
            })).hasMessageContaining("append-only");
        }
    }

    private static int execute(Statement statement, String sql) throws java.sql.SQLException {
        try (statement) {
            return statement.executeUpdate(sql);
        }
    }
}

package org.ibex.watchlist;

import org.flywaydb.core.Flyway;
import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The permanent false alerts of a node from before clearances become clearances that expire 180 days after. */
class FalseAlertMigrationTest {

    @Test
    void aFalseAlertFromBeforeBecomesAnExpiringClearanceByTheSameOfficer() throws Exception {
        StoreConfig config = TestDatabases.freshConfig(TestDatabases.tempFolder());
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration", "classpath:db/vendor/" + (config.isPostgres() ? "postgresql" : "h2"))
                .target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement sql = c.createStatement()) {
            sql.executeUpdate("INSERT INTO post(id, name, kind, zone_id) VALUES ('P', 'Post', 'LAND', 'UTC')");
            sql.executeUpdate("INSERT INTO person(id, surname, given_names, nationality, sex, created_at)"
                    + " VALUES (7, 'HADDAD', 'OMAR', 'LBN', 'M', TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00')");
            sql.executeUpdate("INSERT INTO crossing(id, uid, direction, post_id, officer, occurred_at, zone_id, person_id,"
                    + " document_code, issuing_state, document_number, nationality, surname, given_names, sex, checks,"
                    + " decision, reasons, recorded_at) VALUES (11, 'u1', 'ENTRY', 'P', 'officer.a',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00', 'UTC', 7, 'P', 'LBN', 'LB1', 'LBN', 'HADDAD',"
                    + " 'OMAR', 'M', '[]', 'REFER', '[]', TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00')");
            sql.executeUpdate("INSERT INTO screening_hit(id, crossing_id, person_id, kind, list_id, entry_id, score, action,"
                    + " explanation, created_at) VALUES (21, 11, 7, 'PERSON', 'alerts', 'W2', 0.9, 'REFER_TO_SECOND_LINE',"
                    + " 'x', TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00')");
            sql.executeUpdate("INSERT INTO hit_disposition(hit_id, outcome, reason, decided_by, decided_at) VALUES"
                    + " (21, 'FALSE_ALERT', 'photo differs', 'officer.a', TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+00')");
            sql.executeUpdate("INSERT INTO false_alert(person_id, list_id, entry_id, hit_id) VALUES (7, 'alerts', 'W2', 21)");
        }

        try (Database database = Database.open(config)) {
            Map<String, Clearance> inForce = database.read(c -> new Clearances().inForce(c, 7,
                    Instant.parse("2026-03-01T00:00:00Z")));

            assertThat(inForce).containsOnlyKeys(Clearances.key("alerts", "W2"));
            Clearance clearance = inForce.values().iterator().next();
            assertThat(clearance.clearedBy()).isEqualTo("officer.a");
            assertThat(clearance.expiresAt()).as("180 days after the false alert, no longer for good")
                    .isEqualTo(Instant.parse("2026-07-09T09:00:00Z"));
            Map<String, Clearance> later = database.read(c -> new Clearances().inForce(c, 7,
                    Instant.parse("2026-07-10T00:00:00Z")));
            assertThat(later).as("expired").isEmpty();
        }
    }
}

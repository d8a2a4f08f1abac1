package org.ibex.biometrics;

import org.flywaydb.core.Flyway;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;
import org.ibex.store.V17__Crossing_uid_per_post;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes that searches enrolled before V18 leave the gallery (withdrawn, kept as evidence) and stay with their
 * identification, so a node upgraded in service stops answering IDENTIFIED with its own earlier searches.
 */
class IdentificationProbeMigrationTest {

    @Test
    void anOldProbeIsWithdrawnFromTheGalleryAndKeptWithItsIdentification() throws Exception {
        StoreConfig config = TestDatabases.freshConfig(TestDatabases.tempFolder());
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration", "classpath:db/vendor/" + (config.isPostgres() ? "postgresql" : "h2"))
                .javaMigrations(new V17__Crossing_uid_per_post())
                .target("17").load().migrate();
        FingerTemplate template = FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 1);
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement sql = c.createStatement()) {
            sql.executeUpdate("INSERT INTO biometric_subject(id, person_id, label, post_id, enrolled_at, enrolled_by)"
                    + " VALUES (5, NULL, 'found at the fence', 'P', TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00',"
                    + " 'officer.a')");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO finger_template(subject_id, position,"
                    + " template, quality, minutiae) VALUES (5, 2, ?, 60, ?)")) {
                Sql.bindAll(insert, template.toByteArray(), template.minutiae());
                insert.executeUpdate();
            }
            sql.executeUpdate("INSERT INTO identification(id, probe_subject_id, outcome, threshold, target_fpir,"
                    + " gallery_size, evidence, post_id, requested_by, requested_at) VALUES (9, 5, 'NO_HIT', 30, 0.01, 1,"
                    + " '{\"id\":0,\"probeSubjectId\":5,\"outcome\":\"NO_HIT\",\"candidates\":[],\"targetFpir\":0.01,"
                    + "\"gallerySize\":1,\"comparisonFmr\":0.01,\"thresholdExtrapolated\":false}', 'P', 'officer.a',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00')");
        }

        try (Database database = Database.open(config)) {
            assertThat(BiometricService.loadGallery(database, new BiometricRepository()).size())
                    .as("the search's probe no longer answers later searches").isZero();
            assertThat(database.read(c -> new BiometricRepository().subject(c, 5)).orElseThrow().inForce())
                    .as("withdrawn, its rows kept as evidence").isFalse();
            Identification identification = database.read(c -> new IdentificationRepository().find(c, 9)).orElseThrow();
            assertThat(identification.label()).isEqualTo("found at the fence");
            assertThat(identification.probeFingers()).as("the probe stays with its identification, to enrol explicitly")
                    .isEqualTo(List.of(FingerPosition.RIGHT_INDEX));
            assertThat(identification.requestedAt()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
            assertThat(identification.enrolledSubjectId()).isNull();
        }
    }
}

package org.ibex.inquiry;

import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.ExtractionGate;
import org.ibex.biometrics.ScoreThresholds;
import org.ibex.border.PersonScope;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** What the questions pillar's tests start from: a person immigration knows, and a node's biometric service. */
public final class InquiryFixtures {
    /** Anna Maria Eriksson, person 7, entered at POST-A on 30 November 2026 with passport UTO L898902C3. */
    public static final long ANNA = 7;

    private InquiryFixtures() {
    }

    /** Writes Anna, her passport and her entry into an immigration node's store. */
    public static void annaCrossed(Database database) {
        database.inTransaction(c -> {
            try (PreparedStatement post = c.prepareStatement("INSERT INTO post(id, name, kind, zone_id)"
                    + " VALUES ('POST-A', 'Airport', 'AIRPORT', 'UTC')")) {
                post.executeUpdate();
            }
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                    + " date_of_birth, nationality, sex, created_at) VALUES (7, 'ERIKSSON', 'ANNA MARIA', ?, 'UTO',"
                    + " 'F', ?)")) {
                Sql.bindAll(person, LocalDate.of(1974, 8, 12), Instant.now());
                person.executeUpdate();
            }
            try (PreparedStatement document = c.prepareStatement("INSERT INTO person_document(issuing_state,"
                    + " document_number, person_id) VALUES ('UTO', 'L898902C3', 7)")) {
                document.executeUpdate();
            }
            try (PreparedStatement crossing = c.prepareStatement("INSERT INTO crossing(uid, direction, post_id,"
                    + " officer, occurred_at, zone_id, person_id, document_code, issuing_state, document_number,"
                    + " nationality, surname, given_names, sex, checks, decision, reasons, recorded_at) VALUES"
                    + " ('c-1', 'ENTRY', 'POST-A', 'officer.a', ?, 'UTC', 7, 'P', 'UTO', 'L898902C3', 'UTO',"
                    + " 'ERIKSSON', 'ANNA MARIA', 'F', '[]', 'ADMIT', '[]', ?)")) {
                Sql.bindAll(crossing, Instant.parse("2026-11-30T08:15:00Z"), Instant.now());
                crossing.executeUpdate();
            }
            return null;
        });
    }

    /** A node's biometric service on {@code database}, as the node assembles it. */
    public static BiometricService biometrics(Database database, AccessLog access, Clock clock) {
        return new BiometricService(database, new BiometricRepository(), BiometricService.loadGallery(database,
                new BiometricRepository()), ScoreThresholds.fvc2002(), access, new PersonScope(),
                new ExtractionGate(1, Duration.ofSeconds(30)), clock);
    }
}

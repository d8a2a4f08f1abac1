package org.ibex.biometrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Identifications as evidence, with their probe's templates kept beside them and out of the gallery, and the explicit
 * enrolment of a probe noted once (who, when, why, the subject it became). All append-only.
 */
final class IdentificationRepository {
    private final ObjectMapper json = Json.mapper();

    /** Who enrolled an identification's probe, when and why, and the subject it became. */
    record EnrolmentNote(long subjectId, String by, Instant at, String reason) {
    }

    long insert(Connection connection, Identification identification, Long identifiedSubjectId, double threshold,
                FingerSet probe) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identification(label, outcome,"
                + " identified_subject_id, threshold, target_fpir, gallery_size, evidence, post_id, requested_by,"
                + " requested_at) VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            Sql.bindAll(insert, identification.label(), identification.outcome().name(), identifiedSubjectId, threshold,
                    identification.targetFpir(), identification.gallerySize(), Json.write(json, identification),
                    identification.postId(), identification.requestedBy(), identification.requestedAt());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identification_probe(identification_id,"
                + " position, template, quality, minutiae) VALUES (?,?,?,?,?)")) {
            for (FingerPosition position : probe.capturedPositions()) {
                FingerTemplate template = probe.template(position).orElseThrow();
                Sql.bindAll(insert, id, position.code(), template.toByteArray(),
                        template.quality().map(FingerQuality::score).orElse(null), template.minutiae());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return id;
    }

    Optional<Identification> find(Connection connection, long id) throws SQLException {
        // Searches made before V18 kept their label on the probe subject they enrolled.
        try (PreparedStatement select = connection.prepareStatement("SELECT i.id, COALESCE(i.label, s.label) AS label,"
                + " i.outcome, i.target_fpir, i.gallery_size, i.evidence, i.post_id, i.requested_by, i.requested_at,"
                + " e.subject_id AS enrolled_subject_id FROM identification i"
                + " LEFT JOIN biometric_subject s ON s.id = i.probe_subject_id"
                + " LEFT JOIN identification_enrolment e ON e.identification_id = i.id WHERE i.id = ?")) {
            select.setLong(1, id);
            List<Identification> found = Sql.list(select, row -> {
                JsonNode evidence = evidence(row.getString("evidence"));
                List<IdentificationCandidate> candidates = new ArrayList<>();
                for (JsonNode candidate : evidence.path("candidates")) {
                    candidates.add(json.convertValue(candidate, IdentificationCandidate.class));
                }
                return new Identification(row.getLong("id"), row.getString("label"),
                        Identification.Outcome.valueOf(row.getString("outcome")), candidates,
                        row.getDouble("target_fpir"), row.getInt("gallery_size"),
                        evidence.path("comparisonFmr").asDouble(), evidence.path("thresholdExtrapolated").asBoolean(),
                        List.of(), row.getString("post_id"), row.getString("requested_by"),
                        Sql.instant(row, "requested_at"), Sql.nullableLong(row, "enrolled_subject_id"),
                        wanted(evidence));
            });
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Identification stored = found.get(0);
            List<FingerPosition> fingers = probe(connection, id).capturedPositions();
            return Optional.of(new Identification(stored.id(), stored.label(), stored.outcome(), stored.candidates(),
                    stored.targetFpir(), stored.gallerySize(), stored.comparisonFmr(), stored.thresholdExtrapolated(),
                    fingers, stored.postId(), stored.requestedBy(), stored.requestedAt(), stored.enrolledSubjectId(),
                    stored.wanted()));
        }
    }

    /** The wanted persons the search matched, as recorded with it (none before wanted prints existed). */
    private List<WantedMatch> wanted(JsonNode evidence) {
        List<WantedMatch> wanted = new ArrayList<>();
        for (JsonNode match : evidence.path("wanted")) {
            wanted.add(json.convertValue(match, WantedMatch.class));
        }
        return wanted;
    }

    /** The probe's templates as the search took them. */
    FingerSet probe(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT position, template FROM identification_probe"
                + " WHERE identification_id = ? ORDER BY position")) {
            select.setLong(1, id);
            return FingerSet.of(Sql.list(select, row -> FingerTemplate.fromBytes(FingerPosition.ofCode(row.getInt(1)),
                    row.getBytes(2))), List.of());
        }
    }

    /** Notes the explicit enrolment; the key refuses a second one, so two racing officers cannot both enrol. */
    void noteEnrolment(Connection connection, long id, EnrolmentNote note) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identification_enrolment("
                + "identification_id, subject_id, enrolled_by, enrolled_at, reason) VALUES (?,?,?,?,?)")) {
            Sql.bindAll(insert, id, note.subjectId(), note.by(), note.at(), note.reason());
            insert.executeUpdate();
        }
    }

    /** Records the officer's conclusion; the key refuses a second one. */
    void insertReview(Connection connection, IdentificationReview review) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identification_review("
                + "identification_id, subject_id, person_id, note, reviewed_by, reviewed_at) VALUES (?,?,?,?,?,?)")) {
            Sql.bindAll(insert, review.identificationId(), review.subjectId(), review.personId(), review.note(),
                    review.reviewedBy(), review.reviewedAt());
            insert.executeUpdate();
        }
    }

    Optional<IdentificationReview> review(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT identification_id, subject_id, person_id,"
                + " note, reviewed_by, reviewed_at FROM identification_review WHERE identification_id = ?")) {
            select.setLong(1, id);
            return Sql.list(select, row -> new IdentificationReview(row.getLong(1), Sql.nullableLong(row, "subject_id"),
                    Sql.nullableLong(row, "person_id"), row.getString("note"), row.getString("reviewed_by"),
                    Sql.instant(row, "reviewed_at"))).stream().findFirst();
        }
    }

    private JsonNode evidence(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identification evidence is not the JSON it was written as", e);
        }
    }
}

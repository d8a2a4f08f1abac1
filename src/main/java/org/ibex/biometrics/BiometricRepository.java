package org.ibex.biometrics;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Enrolled subjects, their templates and finger exceptions, and the evidence of verifications and identifications. */
public final class BiometricRepository {

    /** Who enrols, where and when. */
    public record Provenance(String postId, String by, Instant at) {
    }

    /** Why a subject left the gallery: when, by whom, the reason given and, for a replacement, its successor. */
    public record Withdrawal(Instant at, String by, String reason, Long replacedBy) {
    }

    /** A subject as stored: whose it is, where it was enrolled, and whether it is still in force. */
    public record StoredSubject(long id, Long personId, String postId, boolean inForce) {
    }

    /**
     * Stores a subject and its fingers. A person's earlier enrolment is not touched here: the caller withdraws it
     * with {@link #withdraw}, naming this one as its replacement, in the same transaction.
     */
    public long enrol(Connection connection, Long personId, String label, FingerSet fingers, Provenance provenance)
            throws SQLException {
        long subjectId;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO biometric_subject(person_id, label, post_id,"
                + " enrolled_at, enrolled_by) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            Sql.bindAll(insert, personId, label, provenance.postId(), provenance.at(), provenance.by());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                subjectId = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO finger_template(subject_id, position, template, quality, minutiae) VALUES (?,?,?,?,?)")) {
            for (FingerPosition position : fingers.capturedPositions()) {
                FingerTemplate template = fingers.template(position).orElseThrow();
                Sql.bindAll(insert, subjectId, position.code(), template.toByteArray(),
                        template.quality().map(FingerQuality::score).orElse(null), template.minutiae());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO finger_exception(subject_id, position, reason, note) VALUES (?,?,?,?)")) {
            for (MissingFinger missing : fingers.exceptions()) {
                Sql.bindAll(insert, subjectId, missing.position().code(), missing.reason().name(), missing.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return subjectId;
    }

    /** A subject to store with {@link #enrolAll}. */
    public record NewSubject(Long personId, String label, FingerSet fingers, Provenance provenance) {
    }

    /**
     * {@link #enrol} for many subjects at once, as JDBC batches: the subjects first, their ids read back in order,
     * then every template and exception. Ids in the order given, as enrolling them one by one would number them.
     */
    public long[] enrolAll(Connection connection, List<NewSubject> subjects) throws SQLException {
        long[] ids = new long[subjects.size()];
        if (subjects.isEmpty()) {
            return ids;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO biometric_subject(person_id, label,"
                + " post_id, enrolled_at, enrolled_by) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            for (NewSubject s : subjects) {
                Sql.bindAll(insert, s.personId(), s.label(), s.provenance().postId(), s.provenance().at(),
                        s.provenance().by());
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned fewer keys than subjects inserted");
                    }
                    ids[i] = keys.getLong(1);
                }
            }
        }
        try (PreparedStatement templates = connection.prepareStatement(
                "INSERT INTO finger_template(subject_id, position, template, quality, minutiae) VALUES (?,?,?,?,?)");
             PreparedStatement exceptions = connection.prepareStatement(
                     "INSERT INTO finger_exception(subject_id, position, reason, note) VALUES (?,?,?,?)")) {
            boolean anyException = false;
            for (int i = 0; i < ids.length; i++) {
                FingerSet fingers = subjects.get(i).fingers();
                for (FingerPosition position : fingers.capturedPositions()) {
                    FingerTemplate template = fingers.template(position).orElseThrow();
                    Sql.bindAll(templates, ids[i], position.code(), template.toByteArray(),
                            template.quality().map(FingerQuality::score).orElse(null), template.minutiae());
                    templates.addBatch();
                }
                for (MissingFinger missing : fingers.exceptions()) {
                    Sql.bindAll(exceptions, ids[i], missing.position().code(), missing.reason().name(), missing.note());
                    exceptions.addBatch();
                    anyException = true;
                }
            }
            templates.executeBatch();
            if (anyException) {
                exceptions.executeBatch();
            }
        }
        return ids;
    }

    public boolean personExists(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM person WHERE id = ?")) {
            select.setLong(1, personId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Marks a subject withdrawn (out of the gallery) with who, when and why; its rows stay as evidence. */
    public boolean withdraw(Connection connection, long subjectId, Withdrawal withdrawal) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE biometric_subject SET withdrawn_at = ?,"
                + " withdrawn_by = ?, withdrawal_reason = ?, replaced_by = ? WHERE id = ? AND withdrawn_at IS NULL")) {
            Sql.bindAll(update, withdrawal.at(), withdrawal.by(), withdrawal.reason(), withdrawal.replacedBy(), subjectId);
            return update.executeUpdate() == 1;
        }
    }

    /** The person's enrolment in force, if any. */
    public Optional<Long> subjectInForce(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM biometric_subject"
                + " WHERE person_id = ? AND withdrawn_at IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setLong(1, personId);
            return Sql.list(select, row -> row.getLong(1)).stream().findFirst();
        }
    }

    public Optional<StoredSubject> subject(Connection connection, long subjectId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, person_id, post_id, withdrawn_at FROM biometric_subject WHERE id = ?")) {
            select.setLong(1, subjectId);
            return Sql.list(select, row -> new StoredSubject(row.getLong(1), Sql.nullableLong(row, "person_id"),
                    row.getString(3), row.getObject(4) == null)).stream().findFirst();
        }
    }

    /** A person's enrolment in force as an officer sees it: which fingers, which missing and why, who took them. */
    public record EnrolmentInForce(long subjectId, String postId, String enrolledBy, Instant enrolledAt,
                                   List<FingerPosition> fingers, List<MissingFinger> missing) {
    }

    public Optional<EnrolmentInForce> enrolmentInForce(Connection connection, long personId) throws SQLException {
        record Subject(long id, String postId, String by, Instant at) {
        }
        List<Subject> found;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, post_id, enrolled_by, enrolled_at"
                + " FROM biometric_subject WHERE person_id = ? AND withdrawn_at IS NULL ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY")) {
            select.setLong(1, personId);
            found = Sql.list(select, row -> new Subject(row.getLong(1), row.getString(2), row.getString(3),
                    Sql.instant(row, "enrolled_at")));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subject subject = found.get(0);
        List<FingerPosition> fingers;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position FROM finger_template WHERE subject_id = ? ORDER BY position")) {
            select.setLong(1, subject.id());
            fingers = Sql.list(select, row -> FingerPosition.ofCode(row.getInt(1)));
        }
        List<MissingFinger> missing;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position, reason, note FROM finger_exception WHERE subject_id = ? ORDER BY position")) {
            select.setLong(1, subject.id());
            missing = Sql.list(select, row -> new MissingFinger(FingerPosition.ofCode(row.getInt(1)),
                    MissingReason.valueOf(row.getString(2)), row.getString(3)));
        }
        return Optional.of(new EnrolmentInForce(subject.id(), subject.postId(), subject.by(), subject.at(), fingers,
                missing));
    }

    /** Streams every subject in force with its fingers: how the gallery is rebuilt at start. */
    public void eachSubject(Connection connection, Consumer<GallerySubject> sink) throws SQLException {
        Map<Long, List<MissingFinger>> exceptions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.subject_id, e.position, e.reason, e.note"
                + " FROM finger_exception e JOIN biometric_subject s ON s.id = e.subject_id WHERE s.withdrawn_at IS NULL");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                exceptions.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new MissingFinger(
                        FingerPosition.ofCode(row.getInt(2)), MissingReason.valueOf(row.getString(3)), row.getString(4)));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT s.id, s.person_id, s.label, t.position, t.template"
                + " FROM biometric_subject s JOIN finger_template t ON t.subject_id = s.id WHERE s.withdrawn_at IS NULL"
                + " ORDER BY s.id, t.position");
             ResultSet row = select.executeQuery()) {
            long current = -1;
            Long personId = null;
            String label = null;
            List<FingerTemplate> templates = new ArrayList<>();
            while (row.next()) {
                long id = row.getLong(1);
                if (id != current && current >= 0) {
                    sink.accept(subject(current, personId, label, templates, exceptions));
                    templates = new ArrayList<>();
                }
                current = id;
                personId = Sql.nullableLong(row, "person_id");
                label = row.getString(3);
                templates.add(FingerTemplate.fromBytes(FingerPosition.ofCode(row.getInt(4)), row.getBytes(5)));
            }
            if (current >= 0) {
                sink.accept(subject(current, personId, label, templates, exceptions));
            }
        }
    }

    private static GallerySubject subject(long id, Long personId, String label, List<FingerTemplate> templates,
                                          Map<Long, List<MissingFinger>> exceptions) {
        return new GallerySubject(id, personId, label, FingerSet.of(templates, exceptions.getOrDefault(id, List.of())));
    }

    public long recordVerification(Connection connection, long personId, long subjectId, Verification verification,
                                   String evidence, Provenance provenance) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO finger_verification(person_id, subject_id,"
                + " decision, fused_score, threshold, evidence, post_id, verified_by, verified_at) VALUES (?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            double threshold = Double.isNaN(verification.threshold()) ? 0 : verification.threshold();
            Sql.bindAll(insert, personId, subjectId, verification.decision().name(), verification.fusedScore(), threshold,
                    evidence, provenance.postId(), provenance.by(), provenance.at());
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    private static long generatedKey(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}

package org.ibex.biometrics;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of wanted prints: this node's flags on its own subjects, and the copy a post holds of headquarters' flags. */
final class WantedPrintRepository {
    /** A flag on a subject of this node's gallery, with the subject's person and whether the subject is in force. */
    record Flag(long subjectId, Long personId, String name, boolean subjectInForce, String reason, String flaggedBy,
                Instant flaggedAt, String liftedBy, Instant liftedAt, String liftReason) {
    }

    private static final String FLAGS = "SELECT w.subject_id, s.person_id, s.label, s.withdrawn_at, p.surname,"
            + " p.given_names, w.reason, w.flagged_by, w.flagged_at, w.lifted_by, w.lifted_at, w.lift_reason"
            + " FROM wanted_print w JOIN biometric_subject s ON s.id = w.subject_id"
            + " LEFT JOIN person p ON p.id = s.person_id";

    /** Every flag, lifted ones included, newest first. */
    List<Flag> flags(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FLAGS + " ORDER BY w.flagged_at DESC, w.subject_id")) {
            return Sql.list(select, WantedPrintRepository::flag);
        }
    }

    Optional<Flag> flag(Connection connection, long subjectId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FLAGS + " WHERE w.subject_id = ?")) {
            select.setLong(1, subjectId);
            return Sql.list(select, WantedPrintRepository::flag).stream().findFirst();
        }
    }

    /** Flags the subject, or flags again in place a subject whose flag was lifted. */
    void save(Connection connection, long subjectId, String reason, String by, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE wanted_print SET reason = ?,"
                + " flagged_by = ?, flagged_at = ?, lifted_by = NULL, lifted_at = NULL, lift_reason = NULL"
                + " WHERE subject_id = ?")) {
            Sql.bindAll(update, reason, by, at, subjectId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wanted_print"
                + " (subject_id, reason, flagged_by, flagged_at) VALUES (?,?,?,?)")) {
            Sql.bindAll(insert, subjectId, reason, by, at);
            insert.executeUpdate();
        }
    }

    /** Lifts a standing flag; false when none stands. */
    boolean lift(Connection connection, long subjectId, String reason, String by, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE wanted_print SET lifted_by = ?,"
                + " lifted_at = ?, lift_reason = ? WHERE subject_id = ? AND lifted_at IS NULL")) {
            Sql.bindAll(update, by, at, reason, subjectId);
            return update.executeUpdate() == 1;
        }
    }

    /** Replaces the post's copy of headquarters' wanted prints whole. */
    void replaceCopies(Connection connection, List<WantedCopy> copies) throws SQLException {
        try (PreparedStatement fingers = connection.prepareStatement("DELETE FROM wanted_print_copy_finger");
             PreparedStatement rows = connection.prepareStatement("DELETE FROM wanted_print_copy")) {
            fingers.executeUpdate();
            rows.executeUpdate();
        }
        try (PreparedStatement row = connection.prepareStatement("INSERT INTO wanted_print_copy"
                + " (reference, name, reason, flagged_at) VALUES (?,?,?,?)");
             PreparedStatement finger = connection.prepareStatement("INSERT INTO wanted_print_copy_finger"
                     + " (reference, position, template) VALUES (?,?,?)")) {
            for (WantedCopy copy : copies) {
                Sql.bindAll(row, copy.reference(), copy.name(), copy.reason(), copy.flaggedAt());
                row.addBatch();
                for (FingerPosition position : copy.fingers().capturedPositions()) {
                    Sql.bindAll(finger, copy.reference(), position.code(),
                            copy.fingers().template(position).orElseThrow().toByteArray());
                    finger.addBatch();
                }
            }
            row.executeBatch();
            finger.executeBatch();
        }
    }

    /** The post's copy, by reference. */
    List<WantedCopy> copies(Connection connection) throws SQLException {
        Map<String, List<FingerTemplate>> templates = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT reference, position, template"
                + " FROM wanted_print_copy_finger ORDER BY reference, position");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                templates.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(FingerTemplate.fromBytes(
                        FingerPosition.ofCode(row.getInt(2)), row.getBytes(3)));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT reference, name, reason, flagged_at"
                + " FROM wanted_print_copy ORDER BY reference")) {
            return Sql.list(select, row -> new WantedCopy(row.getString(1), row.getString(2), row.getString(3),
                    Sql.instant(row, "flagged_at"), FingerSet.of(templates.getOrDefault(row.getString(1), List.of()),
                    List.of())));
        }
    }

    private static Flag flag(ResultSet row) throws SQLException {
        Long personId = Sql.nullableLong(row, "person_id");
        String surname = row.getString("surname");
        String name = surname == null ? row.getString("label")
                : (surname + ", " + row.getString("given_names")).strip();
        return new Flag(row.getLong("subject_id"), personId, name, row.getTimestamp("withdrawn_at") == null,
                row.getString("reason"), row.getString("flagged_by"), Sql.instant(row, "flagged_at"),
                row.getString("lifted_by"), Sql.instant(row, "lifted_at"), row.getString("lift_reason"));
    }
}

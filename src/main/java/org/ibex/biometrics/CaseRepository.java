package org.ibex.biometrics;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Biometric cases: inserted, never changed; a case lapses by its expiry time. */
final class CaseRepository {

    long insert(Connection connection, BiometricCase c) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO biometric_case(person_id, post_id,"
                + " reason, opened_by, opened_at, expires_at) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            Sql.bindAll(insert, c.personId(), c.postId(), c.reason(), c.openedBy(), c.openedAt(), c.expiresAt());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Whether the post has a case for the person in force at {@code now}. */
    boolean openAt(Connection connection, long personId, String postId, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM biometric_case WHERE person_id = ?"
                + " AND post_id = ? AND opened_at <= ? AND expires_at > ? FETCH FIRST 1 ROWS ONLY")) {
            Sql.bindAll(select, personId, postId, now, now);
            return !Sql.list(select, row -> 1).isEmpty();
        }
    }
}

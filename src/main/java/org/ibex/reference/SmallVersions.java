package org.ibex.reference;

import org.ibex.store.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Versions of the small datasets that have none of their own (stay rules): the version moves by one each time the
 * digest of the content differs from the one last seen, so a post gets a new copy when, and only when, it changed.
 */
final class SmallVersions {

    long current(Connection connection, String dataset, String content, Instant now) throws SQLException {
        String digest = digest(content);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, digest FROM reference_version WHERE dataset = ?")) {
            select.setString(1, dataset);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    long version = row.getLong(1);
                    if (digest.equals(row.getString(2))) {
                        return version;
                    }
                    try (PreparedStatement update = connection.prepareStatement("UPDATE reference_version"
                            + " SET version = ?, digest = ?, changed_at = ? WHERE dataset = ?")) {
                        Sql.bindAll(update, version + 1, digest, now, dataset);
                        update.executeUpdate();
                    }
                    return version + 1;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reference_version"
                + " (dataset, version, digest, changed_at) VALUES (?,?,?,?)")) {
            Sql.bindAll(insert, dataset, 1L, digest, now);
            insert.executeUpdate();
        }
        return 1;
    }

    private static String digest(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

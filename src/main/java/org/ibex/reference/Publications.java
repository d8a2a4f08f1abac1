package org.ibex.reference;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What headquarters last sent each post of each dataset (table {@code reference_publication}): the version the
 * post will hold once its stream catches up, so the next change goes as a delta from it. A post that cannot apply a
 * delta asks for a resync, which forgets the row, and the next pass sends a snapshot.
 */
final class Publications {
    /** One row: the version sent, how, when, in which envelope. */
    record Sent(String dataset, String kind, long version, Instant publishedAt, String envelopeId) {
    }

    Map<String, Sent> of(Connection connection, String post) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT dataset, kind, version, published_at,"
                + " envelope_id FROM reference_publication WHERE post = ?")) {
            select.setString(1, post);
            Map<String, Sent> sent = new HashMap<>();
            for (Sent row : Sql.list(select, r -> new Sent(r.getString(1), r.getString(2), r.getLong(3),
                    Sql.instant(r, "published_at"), r.getString(5)))) {
                sent.put(row.dataset(), row);
            }
            return sent;
        }
    }

    void record(Connection connection, String post, Sent sent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reference_publication SET kind = ?,"
                + " version = ?, published_at = ?, envelope_id = ? WHERE dataset = ? AND post = ?")) {
            Sql.bindAll(update, sent.kind(), sent.version(), sent.publishedAt(), sent.envelopeId(), sent.dataset(),
                    post);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reference_publication (kind,"
                + " version, published_at, envelope_id, dataset, post) VALUES (?,?,?,?,?,?)")) {
            Sql.bindAll(insert, sent.kind(), sent.version(), sent.publishedAt(), sent.envelopeId(), sent.dataset(),
                    post);
            insert.executeUpdate();
        }
    }

    /** Forgets what was sent, so the next pass sends a snapshot; how many rows went (0 or 1). */
    int forget(Connection connection, String post, String dataset) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM reference_publication WHERE post = ? AND dataset = ?")) {
            Sql.bindAll(delete, post, dataset);
            return delete.executeUpdate();
        }
    }
}

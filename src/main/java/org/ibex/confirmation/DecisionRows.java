package org.ibex.confirmation;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The responder's table of releases asked of it, partner_disclosure. */
final class DecisionRows {
    private static final String COLUMNS = "id, requester, search_id, person_id, agreement, case_ref, purpose,"
            + " categories, state, released_categories, reason, decided_by, received_at, decided_at";

    private DecisionRows() {
    }

    static boolean exists(Connection connection, String id) throws SQLException {
        return find(connection, id, false).isPresent();
    }

    static void insert(Connection connection, ReleaseDecision d, String referenceSha) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_disclosure(" + COLUMNS
                + ", reference_sha256, query_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, d.id(), d.requester(), d.searchId(), d.personId(), SearchRows.cut(d.agreement(), 120),
                    SearchRows.cut(d.caseRef(), 200), SearchRows.cut(d.purpose(), 60),
                    SearchRows.cut(String.join(",", d.categories()), 200), d.state().name(),
                    String.join(",", d.releasedCategories()), SearchRows.cut(d.reason(), 500), d.decidedBy(),
                    d.receivedAt(), d.decidedAt(), referenceSha, "release");
            insert.executeUpdate();
        }
    }

    static void decide(Connection connection, String id, ReleaseDecision.State state, List<String> released,
                       String reason, String decidedBy, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE partner_disclosure SET state = ?,"
                + " released_categories = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?")) {
            Sql.bindAll(update, state.name(), String.join(",", released), SearchRows.cut(reason, 500), decidedBy, at,
                    id);
            update.executeUpdate();
        }
    }

    static Optional<ReleaseDecision> find(Connection connection, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM partner_disclosure WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            Sql.bindAll(select, id);
            return Sql.list(select, DecisionRows::row).stream().findFirst();
        }
    }

    /** Newest first; {@code state} narrows when not null. */
    static List<ReleaseDecision> list(Connection connection, ReleaseDecision.State state, int limit)
            throws SQLException {
        String name = state == null ? null : state.name();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM partner_disclosure"
                + " WHERE (CAST(? AS VARCHAR(20)) IS NULL OR state = ?) ORDER BY received_at DESC, id"
                + " FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            Sql.bindAll(select, name, name);
            return Sql.list(select, DecisionRows::row);
        }
    }

    private static ReleaseDecision row(ResultSet row) throws SQLException {
        return new ReleaseDecision(row.getString("id"), row.getString("requester"), row.getString("search_id"),
                Sql.nullableLong(row, "person_id"), row.getString("agreement"), row.getString("case_ref"),
                row.getString("purpose"), ReleaseRows.split(row.getString("categories")),
                ReleaseDecision.State.valueOf(row.getString("state")),
                ReleaseRows.split(row.getString("released_categories")), row.getString("reason"),
                row.getString("decided_by"), Sql.instant(row, "received_at"), Sql.instant(row, "decided_at"));
    }
}

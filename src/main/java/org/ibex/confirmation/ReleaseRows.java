package org.ibex.confirmation;

import org.ibex.inquiry.InquiryJson;
import org.ibex.store.Sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The requester's table of releases asked for, partner_release. */
final class ReleaseRows {
    private static final String COLUMNS = "id, probe_id, partner, agreement, case_ref, purpose, categories, person_id,"
            + " state, released_categories, data, reason, retain_until, deleted_at, asked_by, asked_at, answered_at";

    private ReleaseRows() {
    }

    static void insert(Connection connection, PartnerRelease r, String requestUid) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_release(" + COLUMNS
                + ", query_type, request_uid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, r.id(), r.probeId(), r.partner(), r.agreement(), r.caseRef(), r.purpose(),
                    String.join(",", r.categories()), r.personId(), r.state().name(), null, null, null, null, null,
                    r.askedBy(), r.askedAt(), null, "release", requestUid);
            insert.executeUpdate();
        }
    }

    static void answer(Connection connection, String id, PartnerRelease.State state, List<String> released,
                       String data, String reason, Instant retainUntil, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE partner_release SET state = ?,"
                + " released_categories = ?, data = ?, reason = ?, retain_until = ?, answered_at = ? WHERE id = ?")) {
            Sql.bindAll(update, state.name(), String.join(",", released), data, SearchRows.cut(reason, 500),
                    retainUntil, at, id);
            update.executeUpdate();
        }
    }

    /** Deletes the data of releases whose retention ended; returns the ids it deleted. */
    static List<String> expire(Connection connection, Instant now) throws SQLException {
        List<String> due;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM partner_release WHERE"
                + " retain_until <= ? AND deleted_at IS NULL AND data IS NOT NULL ORDER BY retain_until"
                + " FETCH FIRST 500 ROWS ONLY")) {
            Sql.bindAll(select, now);
            due = Sql.list(select, row -> row.getString(1));
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE partner_release SET data = NULL,"
                + " deleted_at = ? WHERE id = ?")) {
            for (String id : due) {
                Sql.bindAll(update, now, id);
                update.executeUpdate();
            }
        }
        return due;
    }

    static Optional<PartnerRelease> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM partner_release WHERE id = ?")) {
            Sql.bindAll(select, id);
            return Sql.list(select, ReleaseRows::row).stream().findFirst();
        }
    }

    static Optional<PartnerRelease> byUid(Connection connection, String askedBy, String uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM partner_release WHERE asked_by = ? AND request_uid = ?")) {
            Sql.bindAll(select, askedBy, uid);
            return Sql.list(select, ReleaseRows::row).stream().findFirst();
        }
    }

    /** Newest first; {@code probeId} narrows to the releases asked by one probe's reference. */
    static List<PartnerRelease> list(Connection connection, String probeId, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM partner_release"
                + " WHERE (CAST(? AS VARCHAR(36)) IS NULL OR probe_id = ?) ORDER BY asked_at DESC, id"
                + " FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            Sql.bindAll(select, probeId, probeId);
            return Sql.list(select, ReleaseRows::row);
        }
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static PartnerRelease row(ResultSet row) throws SQLException {
        String data = row.getString("data");
        return new PartnerRelease(row.getString("id"), row.getString("probe_id"), row.getString("partner"),
                row.getString("agreement"), row.getString("case_ref"), row.getString("purpose"),
                split(row.getString("categories")), Sql.nullableLong(row, "person_id"),
                PartnerRelease.State.valueOf(row.getString("state")), split(row.getString("released_categories")),
                data == null ? null : InquiryJson.tree(data.getBytes(StandardCharsets.UTF_8)), row.getString("reason"),
                Sql.instant(row, "retain_until"), Sql.instant(row, "deleted_at"), row.getString("asked_by"),
                Sql.instant(row, "asked_at"), Sql.instant(row, "answered_at"));
    }
}

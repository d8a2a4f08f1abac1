package org.ibex.confirmation;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The requester's table of probes sent, partner_probe. */
final class ProbeRows {
    private static final String COLUMNS = "id, asked_by, post_id, partner, agreement, purpose, query_type,"
            + " identification_id, case_ref, probe_sha256, fingers, document, state, outcome, reference,"
            + " reference_expires, receipt, receipt_valid, refusal, asked_at, answered_at";

    private ProbeRows() {
    }

    static void insert(Connection connection, PartnerProbe p, String requestUid) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_probe(" + COLUMNS
                + ", request_uid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, p.id(), p.askedBy(), p.postId(), p.partner(), p.agreement(), p.purpose(), p.query(),
                    p.identificationId(), p.caseRef(), p.probeSha256(), p.fingers(), p.document(), p.state().name(),
                    p.outcome(), p.reference(), p.referenceExpires(), null, null, p.refusal(), p.askedAt(),
                    p.answeredAt(), requestUid);
            insert.executeUpdate();
        }
    }

    static void answer(Connection connection, String id, ResultMessage result, Boolean receiptValid, Instant at)
            throws SQLException {
        boolean refused = ResultMessage.REFUSED.equals(result.state());
        try (PreparedStatement update = connection.prepareStatement("UPDATE partner_probe SET state = ?, outcome = ?,"
                + " reference = ?, reference_expires = ?, receipt = ?, receipt_valid = ?, refusal = ?, answered_at = ?"
                + " WHERE id = ? AND state = 'PENDING'")) {
            Sql.bindAll(update, (refused ? PartnerProbe.State.REFUSED : PartnerProbe.State.ANSWERED).name(),
                    refused ? null : result.outcome(), result.reference(), result.referenceExpires(),
                    result.receipt() == null ? null : result.receipt().toStored(), receiptValid,
                    refused ? SearchRows.cut(result.refusal() + ": " + result.reason(), 500) : null, at, id);
            update.executeUpdate();
        }
    }

    static Optional<PartnerProbe> find(Connection connection, String id) throws SQLException {
        return one(connection, "id = ?", id);
    }

    static Optional<PartnerProbe> byUid(Connection connection, String askedBy, String uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM partner_probe WHERE asked_by = ? AND request_uid = ?")) {
            Sql.bindAll(select, askedBy, uid);
            return Sql.list(select, ProbeRows::row).stream().findFirst();
        }
    }

    /** Newest first; {@code identificationId} narrows to one national identification, {@code postId} to one post. */
    static List<PartnerProbe> list(Connection connection, Long identificationId, String postId, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM partner_probe"
                + " WHERE (CAST(? AS BIGINT) IS NULL OR identification_id = ?)"
                + " AND (CAST(? AS VARCHAR(20)) IS NULL OR post_id = ?)"
                + " ORDER BY asked_at DESC, id FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            Sql.bindAll(select, identificationId, identificationId, postId, postId);
            return Sql.list(select, ProbeRows::row);
        }
    }

    private static Optional<PartnerProbe> one(Connection connection, String where, Object value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM partner_probe WHERE "
                + where)) {
            Sql.bindAll(select, value);
            return Sql.list(select, ProbeRows::row).stream().findFirst();
        }
    }

    private static PartnerProbe row(ResultSet row) throws SQLException {
        Object valid = row.getObject("receipt_valid");
        return new PartnerProbe(row.getString("id"), row.getString("asked_by"), row.getString("post_id"),
                row.getString("partner"), row.getString("agreement"), row.getString("purpose"),
                row.getString("query_type"), Sql.nullableLong(row, "identification_id"), row.getString("case_ref"),
                row.getString("probe_sha256"), row.getInt("fingers"), row.getString("document"),
                PartnerProbe.State.valueOf(row.getString("state")), row.getString("outcome"),
                row.getString("reference"), Sql.instant(row, "reference_expires"),
                SignedReceipt.ofStored(row.getString("receipt")), valid == null ? null : (Boolean) valid,
                row.getString("refusal"), Sql.instant(row, "asked_at"), Sql.instant(row, "answered_at"));
    }
}

package org.ibex.inquiry;

import org.ibex.agreement.Agreement;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code agency_request} rows. */
final class RequestRows {
    private static final String COLUMNS = "question_id, asker, agreement_id, agreement_version, query_type, purpose,"
            + " categories, subject_label, received_at, state, outcome, refusal, decided_by, decided_at, retain_until,"
            + " deleted_at";

    private RequestRows() {
    }

    static void insert(Connection connection, String id, String asker, String agreementId, Integer version,
                       QuestionMessage question, byte[] subject, String label, Instant at, AgencyRequest.State state,
                       String outcome, String refusal, Instant retainUntil) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_request(question_id, asker,"
                + " agreement_id, agreement_version, query_type, purpose, categories, subject, subject_label,"
                + " received_at, state, outcome, refusal, decided_by, decided_at, retain_until)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            boolean decided = state != AgencyRequest.State.AWAITING_APPROVAL;
            Sql.bindAll(insert, id, asker, agreementId, version, cut(question.query(), 20), cut(question.purpose(), 60),
                    cut(question.categories() == null ? "" : String.join(",", question.categories()), 200), subject,
                    label == null ? null : cut(label, 420), at, state.name(), outcome,
                    refusal == null ? null : cut(refusal, 500), decided ? "agreement" : null, decided ? at : null,
                    retainUntil);
            insert.executeUpdate();
        }
    }

    static Optional<AgencyRequest> find(Connection connection, String id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM agency_request WHERE question_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            return Sql.list(select, RequestRows::row).stream().findFirst();
        }
    }

    static byte[] subject(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT subject FROM agency_request"
                + " WHERE question_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    static List<AgencyRequest> list(Connection connection, AgencyRequest.State state, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM agency_request"
                + (state == null ? "" : " WHERE state = ?") + " ORDER BY received_at DESC, question_id FETCH FIRST "
                + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY")) {
            if (state != null) {
                select.setString(1, state.name());
            }
            return Sql.list(select, RequestRows::row);
        }
    }

    static void decide(Connection connection, String id, AgencyRequest.State state, String outcome, String refusal,
                       String by, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE agency_request SET state = ?, outcome = ?,"
                + " refusal = ?, decided_by = ?, decided_at = ? WHERE question_id = ?")) {
            Sql.bindAll(update, state.name(), outcome, refusal == null ? null : cut(refusal, 500), by, at, id);
            update.executeUpdate();
        }
    }

    /** Questions answered (or held for approval) under a rule between two instants: the answerer's quota. */
    static long answered(Connection connection, String agreementId, org.ibex.agreement.AgreementRule rule,
                         Instant from, Instant to, String except) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM agency_request WHERE"
                + " agreement_id = ? AND received_at >= ? AND received_at < ? AND state <> 'REFUSED'"
                + " AND question_id <> ? AND " + org.ibex.agreement.RuleRows.where(rule))) {
            List<Object> values = new java.util.ArrayList<>(List.of(agreementId, from, to,
                    except == null ? "" : except));
            values.addAll(org.ibex.agreement.RuleRows.values(rule));
            Sql.bindAll(count, values.toArray());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static AgencyRequest row(ResultSet row) throws SQLException {
        String categories = row.getString("categories");
        Integer version = Sql.nullableInt(row, "agreement_version");
        String agreement = row.getString("agreement_id");
        return new AgencyRequest(row.getString("question_id"), row.getString("asker"),
                agreement == null ? null : Agreement.reference(agreement, version), row.getString("query_type"),
                row.getString("purpose"), categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")),
                row.getString("subject_label"), Sql.instant(row, "received_at"),
                AgencyRequest.State.valueOf(row.getString("state")), row.getString("outcome"),
                row.getString("refusal"), row.getString("decided_by"), Sql.instant(row, "decided_at"),
                Sql.instant(row, "retain_until"), Sql.instant(row, "deleted_at"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

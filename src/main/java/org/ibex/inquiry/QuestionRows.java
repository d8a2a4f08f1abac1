package org.ibex.inquiry;

import org.ibex.agreement.Agreement;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads {@code agency_question} rows as {@link Question}s. */
final class QuestionRows {
    private static final String COLUMNS = "question_id, answerer, agreement_id, agreement_version, query_type,"
            + " purpose, categories, subject_label, person_id, crossing_uid, post_id, asked_by, asked_at, state,"
            + " outcome, answer, refusal, answered_at, retain_until, deleted_at";

    private QuestionRows() {
    }

    static Optional<Question> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM agency_question WHERE question_id = ?")) {
            select.setString(1, id);
            return Sql.list(select, QuestionRows::row).stream().findFirst();
        }
    }

    static Optional<Question> byRequestUid(Connection connection, String askedBy, String requestUid)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM agency_question WHERE asked_by = ? AND request_uid = ?")) {
            select.setString(1, askedBy);
            select.setString(2, requestUid);
            return Sql.list(select, QuestionRows::row).stream().findFirst();
        }
    }

    static List<Question> list(Connection connection, String postId, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM agency_question"
                + (postId == null ? "" : " WHERE post_id = ?") + " ORDER BY asked_at DESC, question_id FETCH FIRST "
                + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY")) {
            if (postId != null) {
                select.setString(1, postId);
            }
            return Sql.list(select, QuestionRows::row);
        }
    }

    static List<Question> forCrossing(Connection connection, String crossingUid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM agency_question"
                + " WHERE crossing_uid = ? ORDER BY asked_at")) {
            select.setString(1, crossingUid);
            return Sql.list(select, QuestionRows::row);
        }
    }

    private static Question row(ResultSet row) throws SQLException {
        String categories = row.getString("categories");
        return new Question(row.getString("question_id"), row.getString("answerer"),
                Agreement.reference(row.getString("agreement_id"), row.getInt("agreement_version")),
                row.getString("query_type"),
                row.getString("purpose"), categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")),
                row.getString("subject_label"), Sql.nullableLong(row, "person_id"), row.getString("crossing_uid"),
                row.getString("post_id"), row.getString("asked_by"), Sql.instant(row, "asked_at"),
                Question.State.valueOf(row.getString("state")), row.getString("outcome"),
                InquiryJson.tree(row.getBytes("answer")), row.getString("refusal"), Sql.instant(row, "answered_at"),
                Sql.instant(row, "retain_until"), Sql.instant(row, "deleted_at"));
    }
}

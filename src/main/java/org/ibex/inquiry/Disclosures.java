package org.ibex.inquiry;

import org.ibex.agreement.Agreement;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The disclosure ledger: written in the transaction that sends or takes in the data, once per question, kind and
 * direction (a message processed twice does not write twice), and never cleared by retention.
 */
public final class Disclosures {
    private static final String COLUMNS = "id, person_id, subject_label, direction, counterpart, agreement_id,"
            + " agreement_version, purpose, categories, question_id, kind, disclosed_at";
    private final Database database;

    public Disclosures(Database database) {
        this.database = database;
    }

    /** Records one disclosure unless the ledger already holds it. */
    public void record(Connection connection, Disclosure d) throws SQLException {
        Agreement.Reference agreement = Agreement.Reference.parse(d.agreement()).orElseThrow(() ->
                new IllegalArgumentException("a disclosure names its agreement as ID@vN, not " + d.agreement()));
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM disclosure WHERE question_id = ?"
                + " AND kind = ? AND direction = ?")) {
            Sql.bindAll(exists, d.questionId(), d.kind().name(), d.direction().name());
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO disclosure(person_id, subject_label,"
                + " direction, counterpart, agreement_id, agreement_version, purpose, categories, question_id, kind,"
                + " disclosed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, d.personId(), cut(d.subjectLabel(), 420), d.direction().name(), d.counterpart(),
                    agreement.id(), agreement.version(), d.purpose(), String.join(",", d.categories()), d.questionId(),
                    d.kind().name(), d.disclosedAt());
            insert.executeUpdate();
        }
    }

    /** What a question about {@code subject} carries of the person: their identifiers, their prints, or both. */
    static List<String> carried(Subject subject) {
        List<String> categories = new java.util.ArrayList<>();
        if (subject.hasBiographic()) {
            categories.add(org.ibex.agreement.Category.BIOGRAPHIC.code());
        }
        if (subject.hasPrints()) {
            categories.add(org.ibex.agreement.Category.BIOMETRIC.code());
        }
        return categories;
    }

    /** Every disclosure of one person's data, oldest first. */
    public List<Disclosure> forPerson(long personId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM disclosure"
                    + " WHERE person_id = ? ORDER BY disclosed_at, id")) {
                select.setLong(1, personId);
                return Sql.list(select, Disclosures::row);
            }
        });
    }

    /** What one question disclosed, at this node. */
    public List<Disclosure> forQuestion(String questionId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM disclosure"
                    + " WHERE question_id = ? ORDER BY disclosed_at, id")) {
                select.setString(1, questionId);
                return Sql.list(select, Disclosures::row);
            }
        });
    }

    /** The latest disclosures of this node, newest first; {@code label} narrows them to a name or document. */
    public List<Disclosure> recent(String label, int limit) {
        return database.read(connection -> {
            boolean filtered = label != null && !label.isBlank();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM disclosure"
                    + (filtered ? " WHERE UPPER(subject_label) LIKE ? " + Sql.LIKE_ESCAPE : "")
                    + " ORDER BY disclosed_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000))
                    + " ROWS ONLY")) {
                if (filtered) {
                    select.setString(1, Sql.containing(label.strip().toUpperCase(java.util.Locale.ROOT)));
                }
                return Sql.list(select, Disclosures::row);
            }
        });
    }

    private static Disclosure row(ResultSet row) throws SQLException {
        String categories = row.getString("categories");
        return new Disclosure(row.getLong("id"), Sql.nullableLong(row, "person_id"), row.getString("subject_label"),
                Disclosure.Direction.valueOf(row.getString("direction")), row.getString("counterpart"),
                Agreement.reference(row.getString("agreement_id"), row.getInt("agreement_version")),
                row.getString("purpose"),
                categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")), row.getString("question_id"),
                Disclosure.Kind.valueOf(row.getString("kind")), Sql.instant(row, "disclosed_at"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

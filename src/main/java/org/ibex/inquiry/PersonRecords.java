package org.ibex.inquiry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What this node may release about one of its persons, read the same way for an agency's question and a partner
 * state's release: who they are, the crossings that happened, the travel documents they used.
 */
public final class PersonRecords {
    private static final int MAX_CROSSINGS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonRecords() {
    }

    /** The persons' crossings that happened (not refused at the gate, not corrected since), newest first. */
    public static List<ObjectNode> crossings(Connection connection, List<Long> persons) throws SQLException {
        if (persons.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT occurred_at, direction, post_id,"
                + " issuing_state, document_number FROM crossing c WHERE person_id IN (" + Sql.marks(persons.size())
                + ") AND decision <> 'REFUSE' AND NOT EXISTS (SELECT 1 FROM crossing s WHERE s.supersedes = c.id)"
                + " ORDER BY occurred_at DESC, id DESC FETCH FIRST " + MAX_CROSSINGS + " ROWS ONLY")) {
            Sql.bindAll(select, persons.toArray());
            return Sql.list(select, row -> JSON.createObjectNode().put("at", Sql.instant(row, "occurred_at").toString())
                    .put("direction", row.getString("direction")).put("post", row.getString("post_id"))
                    .put("document", row.getString("issuing_state") + " " + row.getString("document_number")));
        }
    }

    public static ObjectNode person(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT surname, given_names, date_of_birth,"
                + " nationality, sex FROM person WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                java.time.LocalDate born = Sql.date(row, "date_of_birth");
                return JSON.createObjectNode().put("surname", row.getString("surname"))
                        .put("givenNames", row.getString("given_names"))
                        .put("birthDate", born == null ? null : born.toString())
                        .put("nationality", row.getString("nationality")).put("sex", row.getString("sex"));
            }
        }
    }

    /** The travel documents this node has seen the person use. */
    public static List<ObjectNode> documents(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT issuing_state, document_number FROM"
                + " person_document WHERE person_id = ? ORDER BY issuing_state, document_number")) {
            select.setLong(1, id);
            return Sql.list(select, row -> JSON.createObjectNode().put("issuingState", row.getString(1))
                    .put("number", row.getString(2)));
        }
    }
}

package org.ibex.inquiry;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Deletes what this node received under an agreement once the agreement's retention has run out: the answers it was
 * given (and the subject of the question, at the asker) and the subjects other agencies asked about. Each deletion
 * is in the audit log; the ledger line that the data travelled stays.
 */
public final class RetentionSweep {
    private static final int BATCH = 500;
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public RetentionSweep(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** Deletes everything past its retention now; returns how many questions and requests were cleared. */
    public int sweep() {
        Instant now = clock.instant();
        return database.inTransaction(connection -> answers(connection, now) + requests(connection, now));
    }

    private int answers(Connection connection, Instant now) throws SQLException {
        List<String[]> due;
        try (PreparedStatement select = connection.prepareStatement("SELECT question_id, agreement_id,"
                + " agreement_version, answerer FROM agency_question WHERE state = 'ANSWERED' AND retain_until <= ?"
                + " ORDER BY retain_until FETCH FIRST " + BATCH + " ROWS ONLY")) {
            Sql.bindAll(select, now);
            due = Sql.list(select, row -> new String[]{row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4)});
        }
        for (String[] question : due) {
            try (PreparedStatement clear = connection.prepareStatement("UPDATE agency_question SET state = 'DELETED',"
                    + " subject = NULL, outcome = NULL, answer = NULL, deleted_at = ? WHERE question_id = ?")) {
                Sql.bindAll(clear, now, question[0]);
                clear.executeUpdate();
            }
            audit.append(connection, new AuditEntry.Draft("agreement.retention.delete", "retention", question[0],
                    "answer from " + question[3] + " under " + question[1] + "@v" + question[2]
                            + " deleted: its retention ran out"));
        }
        return due.size();
    }

    private int requests(Connection connection, Instant now) throws SQLException {
        List<String[]> due;
        try (PreparedStatement select = connection.prepareStatement("SELECT question_id, agreement_id,"
                + " agreement_version, asker FROM agency_request WHERE deleted_at IS NULL AND retain_until <= ?"
                + " AND state <> 'AWAITING_APPROVAL' ORDER BY retain_until FETCH FIRST " + BATCH + " ROWS ONLY")) {
            Sql.bindAll(select, now);
            due = Sql.list(select, row -> new String[]{row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4)});
        }
        for (String[] request : due) {
            try (PreparedStatement clear = connection.prepareStatement("UPDATE agency_request SET subject = NULL,"
                    + " subject_label = NULL, deleted_at = ? WHERE question_id = ?")) {
                Sql.bindAll(clear, now, request[0]);
                clear.executeUpdate();
            }
            audit.append(connection, new AuditEntry.Draft("agreement.retention.delete", "retention", request[0],
                    "question from " + request[3] + " under " + request[1] + "@v" + request[2]
                            + " deleted: its retention ran out"));
        }
        return due.size();
    }
}

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

    /** What one side keeps of what it received, and how it is cleared once retention runs out. */
    private record Kept(String table, String due, String clear, String counterpart, String what) {
    }

    private static final Kept ANSWERS = new Kept("agency_question", "state = 'ANSWERED'", "state = 'DELETED',"
            + " subject = NULL, outcome = NULL, answer = NULL", "answerer", "answer from ");
    private static final Kept QUESTIONS = new Kept("agency_request", "deleted_at IS NULL"
            + " AND state <> 'AWAITING_APPROVAL'", "subject = NULL, subject_label = NULL", "asker", "question from ");

    /** Deletes everything past its retention now; returns how many questions and requests were cleared. */
    public int sweep() {
        Instant now = clock.instant();
        return database.inTransaction(connection -> clear(connection, ANSWERS, now) + clear(connection, QUESTIONS,
                now));
    }

    private int clear(Connection connection, Kept kept, Instant now) throws SQLException {
        List<String[]> due;
        try (PreparedStatement select = connection.prepareStatement("SELECT question_id, agreement_id,"
                + " agreement_version, " + kept.counterpart() + " FROM " + kept.table() + " WHERE " + kept.due()
                + " AND retain_until <= ? ORDER BY retain_until FETCH FIRST " + BATCH + " ROWS ONLY")) {
            Sql.bindAll(select, now);
            due = Sql.list(select, row -> new String[]{row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4)});
        }
        for (String[] row : due) {
            try (PreparedStatement clear = connection.prepareStatement("UPDATE " + kept.table() + " SET "
                    + kept.clear() + ", deleted_at = ? WHERE question_id = ?")) {
                Sql.bindAll(clear, now, row[0]);
                clear.executeUpdate();
            }
            audit.append(connection, new AuditEntry.Draft("agreement.retention.delete", "retention", row[0],
                    kept.what() + row[3] + " under " + row[1] + "@v" + row[2] + " deleted: its retention ran out"));
        }
        return due.size();
    }
}

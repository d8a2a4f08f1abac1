package org.ibex.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * H2's guard on audit_entry (PostgreSQL's is {@code ibex_audit_delete_archived_only()}): refuses every UPDATE,
 * and every DELETE except of entries an audit_archive row already covers, which is what archiving does.
 */
public final class ArchivedDeleteTrigger implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // seq is the first column of audit_entry.
        if (newRow == null && ((Number) oldRow[0]).longValue() <= archivedUpTo(connection)) {
            return;
        }
        throw new SQLException("table AUDIT_ENTRY is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused (entries leave only through ibex audit archive)", "42501");
    }

    private static long archivedUpTo(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(last_seq), 0) FROM audit_archive");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}

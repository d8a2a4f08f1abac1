package org.ibex.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's half of the append-only rule (PostgreSQL's is a PL/pgSQL trigger): refuses UPDATE and DELETE. */
public final class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("table " + table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "42501");
    }
}

package org.ibex.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts every identity column of the embedded database above the largest id it holds, at each start.
 * <p>
 * Why: H2 2.2 hands out identity values from a cache of 32 and writes the cache's end to its catalogue in a separate
 * system transaction, after the value that crossed the old end was already given out ({@code Sequence.getNext}, then
 * {@code flush} outside its lock). Meanwhile another connection can take the next values and commit its rows. A
 * SIGKILL between that commit and the catalogue's own leaves the stored counter below committed ids, and after the
 * restart inserts fail on the primary key until the counter passes them. PostgreSQL logs sequence advances ahead
 * of the rows that use them, so only H2 needs this.
 */
final class IdentityRealignment {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityRealignment.class);

    private IdentityRealignment() {
    }

    /** The identity columns whose counter was behind, as {@code table.column}, after restarting each above its rows. */
    static List<String> run(Connection connection) throws SQLException {
        List<String> realigned = new ArrayList<>();
        for (Identity identity : identities(connection)) {
            Long max = max(connection, identity);
            if (max != null && max >= identity.next()) {
                try (Statement restart = connection.createStatement()) {
                    restart.execute("ALTER TABLE " + quote(identity.table()) + " ALTER COLUMN " + quote(identity.column())
                            + " RESTART WITH " + (max + 1));
                }
                LOG.warn("identity {}.{} would have handed out {} but {} is already stored (an unclean stop);"
                        + " restarted at {}", identity.table(), identity.column(), identity.next(), max, max + 1);
                realigned.add(identity.table() + "." + identity.column());
            }
        }
        return realigned;
    }

    private static List<Identity> identities(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY TABLE_NAME")) {
            List<Identity> identities = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    identities.add(new Identity(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return identities;
        }
    }

    private static Long max(Connection connection, Identity identity) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT MAX(" + quote(identity.column()) + ") FROM "
                     + quote(identity.table()))) {
            row.next();
            long max = row.getLong(1);
            return row.wasNull() ? null : max;
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** An identity column and the value its counter hands out next. */
    private record Identity(String table, String column, long next) {
    }
}

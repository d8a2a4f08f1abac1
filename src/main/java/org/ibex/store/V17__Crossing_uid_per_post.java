package org.ibex.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A crossing's idempotency key belongs to its post: unique on (post, uid) instead of uid alone, so one post's key
 * can neither block nor reveal another post's crossing. In Java because H2 named the old constraint itself, and only
 * the catalogue knows that name.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V17__Crossing_uid_per_post extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String constraint : uniqueConstraintsOnUid(connection)) {
            try (Statement drop = connection.createStatement()) {
                drop.execute("ALTER TABLE crossing DROP CONSTRAINT \"" + constraint.replace("\"", "\"\"") + "\"");
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE UNIQUE INDEX crossing_post_uid ON crossing(post_id, uid)");
        }
    }

    private static List<String> uniqueConstraintsOnUid(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tc.constraint_name FROM information_schema.table_constraints tc"
                        + " JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name"
                        + " AND k.table_schema = tc.table_schema"
                        + " WHERE LOWER(tc.table_name) = 'crossing' AND tc.constraint_type = 'UNIQUE'"
                        + " AND LOWER(k.column_name) = 'uid' AND tc.table_schema = ?")) {
            select.setString(1, connection.getSchema());
            List<String> names = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            if (names.isEmpty()) {
                throw new SQLException("no unique constraint on crossing.uid in schema " + connection.getSchema()
                        + ": the database is not the one migrations V1..V16 made");
            }
            return names;
        }
    }
}

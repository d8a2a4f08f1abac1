package org.ibex.watchlist;

import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What identifies the stored content of each list without reading it: when it last changed, its latest version,
 * how many persons it holds and the schema's latest migration (a migration may rewrite rows without a new
 * version). A keyed list stored with one stamp is good only while the database gives the same stamp.
 */
final class ListStamps {
    private static final String SQL = "SELECT w.id, w.updated_at,"
            + " (SELECT MAX(v.version) FROM watchlist_version v WHERE v.list_id = w.id),"
            + " (SELECT COUNT(*) FROM watchlist_person p WHERE p.list_id = w.id) FROM watchlist w";
    private final Database database;

    ListStamps(Database database) {
        this.database = database;
    }

    /** Every list's stamp by list id. */
    Map<String, String> all() {
        return database.read(connection -> {
            String schema = schema(connection);
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(SQL); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    out.put(row.getString(1), Sql.instant(row, "updated_at") + " v" + row.getInt(3) + " n"
                            + row.getLong(4) + " s" + schema);
                }
            }
            return out;
        });
    }

    String of(String listId) {
        return all().get(listId);
    }

    private static String schema(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\" WHERE \"success\" = TRUE");
             ResultSet row = select.executeQuery()) {
            return row.next() ? String.valueOf(row.getInt(1)) : "?";
        }
    }
}

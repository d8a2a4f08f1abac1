package org.ibex.watchlist;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The stored versions of lists, each with the list's whole content after it. Rows are never changed. */
final class ListVersions {

    int latest(Connection connection, String listId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM watchlist_version WHERE list_id = ?")) {
            select.setString(1, listId);
            return Sql.list(select, row -> row.getInt(1)).get(0);
        }
    }

    void insert(Connection connection, ListVersion version, ListSnapshot content) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist_version(list_id, version,"
                + " created_at, created_by, change_kind, restored_from, persons, documents, added, removed, changed,"
                + " snapshot) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, version.listId(), version.version(), version.createdAt(), version.createdBy(),
                    version.change(), version.restoredFrom(), version.persons(), version.documents(), version.added(),
                    version.removed(), version.changed());
            insert.setBytes(12, content.encode());
            insert.executeUpdate();
        }
    }

    List<ListVersion> all(Connection connection, String listId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT list_id, version, created_at, created_by,"
                + " change_kind, restored_from, persons, documents, added, removed, changed FROM watchlist_version"
                + " WHERE list_id = ? ORDER BY version DESC")) {
            select.setString(1, listId);
            return Sql.list(select, ListVersions::version);
        }
    }

    Optional<ListSnapshot> content(Connection connection, String listId, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT snapshot FROM watchlist_version WHERE list_id = ? AND version = ?")) {
            select.setString(1, listId);
            select.setInt(2, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ListSnapshot.decode(listId, row.getBytes(1))) : Optional.empty();
            }
        }
    }

    private static ListVersion version(ResultSet row) throws SQLException {
        int restored = row.getInt("restored_from");
        Integer restoredFrom = row.wasNull() ? null : restored;
        return new ListVersion(row.getString("list_id"), row.getInt("version"), Sql.instant(row, "created_at"),
                row.getString("created_by"), row.getString("change_kind"), restoredFrom,
                row.getInt("persons"), row.getInt("documents"), row.getInt("added"), row.getInt("removed"),
                row.getInt("changed"));
    }
}

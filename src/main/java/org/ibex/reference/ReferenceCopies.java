package org.ibex.reference;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The copies a post holds (table {@code reference_copy}): per dataset, the version and its dates. */
public final class ReferenceCopies {
    private static final String COLUMNS = "dataset, kind, version, publisher, issued_at, received_at, expires_at,"
            + " items";

    Optional<ReferenceCopy> find(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM reference_copy WHERE dataset = ?")) {
            select.setString(1, dataset);
            return Sql.list(select, ReferenceCopies::copy).stream().findFirst();
        }
    }

    public List<ReferenceCopy> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM reference_copy ORDER BY dataset")) {
            return Sql.list(select, ReferenceCopies::copy);
        }
    }

    void save(Connection connection, ReferenceCopy copy) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reference_copy SET kind = ?, version = ?,"
                + " publisher = ?, issued_at = ?, received_at = ?, expires_at = ?, items = ? WHERE dataset = ?")) {
            Sql.bindAll(update, copy.kind(), copy.version(), copy.publisher(), copy.issuedAt(), copy.receivedAt(),
                    copy.expiresAt(), copy.items(), copy.dataset());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reference_copy (kind, version,"
                + " publisher, issued_at, received_at, expires_at, items, dataset) VALUES (?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, copy.kind(), copy.version(), copy.publisher(), copy.issuedAt(), copy.receivedAt(),
                    copy.expiresAt(), copy.items(), copy.dataset());
            insert.executeUpdate();
        }
    }

    private static ReferenceCopy copy(java.sql.ResultSet row) throws SQLException {
        return new ReferenceCopy(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                Sql.instant(row, "issued_at"), Sql.instant(row, "received_at"), Sql.instant(row, "expires_at"),
                row.getLong(8));
    }
}

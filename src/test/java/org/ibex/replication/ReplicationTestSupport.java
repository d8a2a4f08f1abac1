package org.ibex.replication;

import org.ibex.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Small reads the replication tests share. */
final class ReplicationTestSupport {
    private ReplicationTestSupport() {
    }

    static long count(Database database, String sql) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}

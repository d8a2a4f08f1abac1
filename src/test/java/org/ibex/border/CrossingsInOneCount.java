package org.ibex.border;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * For roll-up tests in other packages: inserts crossings one by one, then counts them all at once, as a replicated
 * batch does (so a correction may supersede a crossing inserted earlier in the same count).
 */
public final class CrossingsInOneCount {
    private final CrossingRepository crossings;
    private final Connection connection;
    private final List<Crossing> inserted = new java.util.ArrayList<>();

    public CrossingsInOneCount(CrossingRepository crossings, Connection connection) {
        this.crossings = crossings;
        this.connection = connection;
    }

    /** Inserts {@code c} without counting it yet; its id. */
    public long insert(Crossing c) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CrossingRepository.INSERT,
                Statement.RETURN_GENERATED_KEYS)) {
            crossings.bindInsert(insert, c);
            insert.executeUpdate();
            inserted.add(c);
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Counts every crossing inserted so far in one call. */
    public void count() throws SQLException {
        crossings.countFlows(connection, inserted);
        inserted.clear();
    }
}

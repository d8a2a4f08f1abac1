package org.ibex.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts crossings into the roll-ups from inside the transaction that records them: a crossing and its count commit
 * or roll back together, whichever way it arrives (at the gate, late from an offline post, in a replicated batch,
 * as a correction), so the roll-ups cannot drift from the crossings.
 */
public final class FlowDeltas {
    private final Map<FlowCell, Integer> pending = new LinkedHashMap<>();

    /** One more crossing in {@code cell}. */
    public FlowDeltas add(FlowCell cell) {
        pending.merge(cell, 1, Integer::sum);
        return this;
    }

    /** A crossing in {@code cell} no longer counts: a correction took its place. */
    public FlowDeltas remove(FlowCell cell) {
        pending.merge(cell, -1, Integer::sum);
        return this;
    }

    /** Appends the changes gathered so far, one row per cell, and starts afresh. */
    public void write(Connection connection) throws SQLException {
        pending.values().removeIf(n -> n == 0);
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flow_delta(local_day, post_id, direction,"
                + " nationality, sex, age_band, purpose, crossings) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<FlowCell, Integer> change : pending.entrySet()) {
                FlowCell c = change.getKey();
                insert.setObject(1, c.day());
                insert.setString(2, c.postId());
                insert.setString(3, c.direction());
                insert.setString(4, c.nationality());
                insert.setString(5, c.sex());
                insert.setString(6, c.ageBand().label());
                insert.setString(7, c.purpose());
                insert.setInt(8, change.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        pending.clear();
    }
}

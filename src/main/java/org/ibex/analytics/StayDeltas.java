package org.ibex.analytics;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the change that just-inserted crossings make to their persons' stays, inside the transaction that inserts
 * them. A crossing arriving late, or correcting another (even from entry to exit, or to another person), can end a
 * stay, begin one, or change which crossing came before a later one; so for each person touched this reads the
 * person's whole history once, counts the stays as they are now and as they were without the inserted crossings
 * (the superseded ones standing again), and appends the difference to {@code stay_delta}.
 */
public final class StayDeltas {
    private static final String SELECT = "SELECT c.person_id, c.id, c.post_id, c.uid, c.direction, c.occurred_at,"
            + " c.zone_id, c.nationality, c.permit_type, c.decision,"
            + " (SELECT s.id FROM crossing s WHERE s.supersedes = c.id) AS superseded_by"
            + " FROM crossing c WHERE c.person_id IN (";
    private final Map<StayCell, Integer> pending = new LinkedHashMap<>();

    /**
     * Counts the stays changed by the crossings inserted under {@code insertedKeys} ({@link #key} of post and uid),
     * for {@code persons}: those crossings' persons and the persons of the crossings they supersede.
     */
    public void count(Connection connection, Collection<Long> persons, Set<String> insertedKeys) throws SQLException {
        Map<Long, List<StayMovement>> byPerson = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(new ArrayList<>(new HashSet<>(persons)), 500)) {
            try (PreparedStatement select = connection.prepareStatement(SELECT + Sql.marks(chunk.size()) + ")")) {
                Sql.bindAll(select, chunk.toArray());
                for (Map.Entry<Long, StayMovement> row : Sql.list(select, r -> Map.entry(r.getLong(1),
                        new StayMovement(r.getLong(2), r.getString(3), r.getString(4),
                                "ENTRY".equals(r.getString(5)), Sql.instant(r, "occurred_at"), r.getString(7),
                                r.getString(8), r.getString(9), "REFUSE".equals(r.getString(10)),
                                Sql.nullableLong(r, "superseded_by"))))) {
                    byPerson.computeIfAbsent(row.getKey(), p -> new ArrayList<>()).add(row.getValue());
                }
            }
        }
        Set<Long> inserted = new HashSet<>();
        byPerson.values().forEach(all -> all.stream().filter(m -> insertedKeys.contains(key(m.postId(), m.uid())))
                .forEach(m -> inserted.add(m.id())));
        for (List<StayMovement> all : byPerson.values()) {
            List<StayMovement> now = new ArrayList<>();
            List<StayMovement> before = new ArrayList<>();
            for (StayMovement m : all) {
                if (m.refused()) {
                    continue;
                }
                if (m.supersededBy() == null) {
                    now.add(m);
                }
                if (!inserted.contains(m.id()) && (m.supersededBy() == null || inserted.contains(m.supersededBy()))) {
                    before.add(m);
                }
            }
            Stays.of(now).forEach(cell -> pending.merge(cell, 1, Integer::sum));
            Stays.of(before).forEach(cell -> pending.merge(cell, -1, Integer::sum));
        }
    }

    /** How {@link #count} knows an inserted crossing: its post and its uid, a post's own key for it. */
    public static String key(String postId, String uid) {
        return postId + '\u0000' + uid;
    }

    /** Appends the changes gathered so far, one row per cell changed, and starts afresh. */
    public void write(Connection connection) throws SQLException {
        pending.values().removeIf(n -> n == 0);
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stay_delta(local_month, post_id,"
                + " nationality, purpose, length_band, stays) VALUES (?,?,?,?,?,?)")) {
            for (Map.Entry<StayCell, Integer> change : pending.entrySet()) {
                StayCell c = change.getKey();
                Sql.bindAll(insert, c.month(), c.postId(), c.nationality(), c.purpose(), c.lengthBand(),
                        change.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        pending.clear();
    }
}

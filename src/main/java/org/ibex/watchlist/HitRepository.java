package org.ibex.watchlist;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Screening hits recorded at crossings, their dispositions, and the false alerts remembered per person. */
public final class HitRepository {

    public long insert(Connection connection, long crossingId, long personId, WatchlistHit hit, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO screening_hit(crossing_id, person_id,"
                + " kind, list_id, entry_id, score, action, explanation, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            String explanation = hit.explanation().length() > 4000 ? hit.explanation().substring(0, 4000) : hit.explanation();
            Sql.bindAll(insert, crossingId, personId, hit.kind().name(), hit.listId(), hit.entryId(), hit.score(),
                    hit.action().name(), explanation, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The list entries this person was confirmed not to be: "listId\u0000entryId". */
    public Set<String> falseAlerts(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT list_id, entry_id FROM false_alert WHERE person_id = ?")) {
            select.setLong(1, personId);
            return new HashSet<>(Sql.list(select, row -> row.getString(1) + '\u0000' + row.getString(2)));
        }
    }

    public List<StoredHit> forCrossing(Connection connection, long crossingId) throws SQLException {
        return select(connection, "h.crossing_id = ?", crossingId);
    }

    public Optional<StoredHit> find(Connection connection, long hitId) throws SQLException {
        return select(connection, "h.id = ?", hitId).stream().findFirst();
    }

    /** Records the officer's conclusion; a false alert is also remembered for this person and entry. */
    public void dispose(Connection connection, StoredHit hit, StoredHit.Outcome outcome, String reason, String by,
                        Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hit_disposition(hit_id, outcome, reason, decided_by, decided_at) VALUES (?,?,?,?,?)")) {
            Sql.bindAll(insert, hit.id(), outcome.name(), reason, by, now);
            insert.executeUpdate();
        }
        if (outcome == StoredHit.Outcome.FALSE_ALERT
                && !falseAlerts(connection, hit.personId()).contains(hit.listId() + '\u0000' + hit.entryId())) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO false_alert(person_id, list_id, entry_id, hit_id) VALUES (?,?,?,?)")) {
                Sql.bindAll(insert, hit.personId(), hit.listId(), hit.entryId(), hit.id());
                insert.executeUpdate();
            }
        }
    }

    private static List<StoredHit> select(Connection connection, String where, long value) throws SQLException {
        // The latest disposition stands; earlier ones stay in hit_disposition as the trail.
        try (PreparedStatement select = connection.prepareStatement("SELECT h.id, h.crossing_id, h.person_id, h.kind,"
                + " h.list_id, h.entry_id, h.score, h.action, h.explanation, h.created_at, d.outcome, d.reason,"
                + " d.decided_by, d.decided_at FROM screening_hit h LEFT JOIN hit_disposition d ON d.hit_id = h.id"
                + " AND d.id = (SELECT MAX(d2.id) FROM hit_disposition d2 WHERE d2.hit_id = h.id)"
                + " WHERE " + where + " ORDER BY h.score DESC, h.id")) {
            select.setLong(1, value);
            return Sql.list(select, row -> new StoredHit(row.getLong(1), row.getLong(2), row.getLong(3),
                    WatchlistHit.Kind.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getDouble(7),
                    EntryAction.valueOf(row.getString(8)), row.getString(9), Sql.instant(row, "created_at"),
                    row.getString(11) == null ? null : new StoredHit.Disposition(StoredHit.Outcome.valueOf(row.getString(11)),
                            row.getString(12), row.getString(13), Sql.instant(row, "decided_at"))));
        }
    }
}

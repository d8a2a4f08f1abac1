package org.ibex.watchlist;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Screening hits recorded at crossings with their trail of dispositions and the clearance that suppressed them. */
public final class HitRepository {

    public long insert(Connection connection, long crossingId, long personId, WatchlistHit hit, Instant now)
            throws SQLException {
        return insert(connection, crossingId, personId, new ReplicatedHit(hit.kind(), hit.listId(), hit.entryId(),
                hit.score(), hit.action(), hit.explanation(), now, false));
    }

    /** Stores a hit as a post recorded it, at headquarters: the post's time, this node's crossing and person. */
    public long insert(Connection connection, long crossingId, long personId, ReplicatedHit hit) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_REPLICATED, Statement.RETURN_GENERATED_KEYS)) {
            bindReplicated(insert, crossingId, personId, hit);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The statement {@link #bindReplicated} fills: headquarters inserts a batch's hits with it as a JDBC batch. */
    public static final String INSERT_REPLICATED = "INSERT INTO screening_hit(crossing_id, person_id,"
            + " kind, list_id, entry_id, score, action, explanation, created_at) VALUES (?,?,?,?,?,?,?,?,?)";

    /** Binds a hit as a post recorded it to a statement prepared from {@link #INSERT_REPLICATED}. */
    public static void bindReplicated(PreparedStatement insert, long crossingId, long personId, ReplicatedHit hit)
            throws SQLException {
        String explanation = hit.explanation().length() > 4000 ? hit.explanation().substring(0, 4000) : hit.explanation();
        Sql.bindAll(insert, crossingId, personId, hit.kind().name(), hit.listId(), hit.entryId(), hit.score(),
                hit.action().name(), explanation, hit.createdAt());
    }

    /**
     * SQL that holds when the crossing whose id is {@code crossingId} (a column) has a hit awaiting a disposition:
     * nobody decided it yet, or one person confirmed it and a second must (the rule of {@link StoredHit#statusOf}).
     * A hit a clearance suppressed did not stop the traveller and awaits nothing.
     */
    public static String awaitingDispositionOn(String crossingId) {
        String lastFalseAlert = "COALESCE((SELECT MAX(f.id) FROM hit_disposition f WHERE f.hit_id = h.id"
                + " AND f.outcome = 'FALSE_ALERT'), 0)";
        return "EXISTS (SELECT 1 FROM screening_hit h WHERE h.crossing_id = " + crossingId
                + " AND NOT EXISTS (SELECT 1 FROM hit_suppression s WHERE s.hit_id = h.id)"
                + " AND NOT EXISTS (SELECT 1 FROM hit_disposition l WHERE l.hit_id = h.id AND l.outcome = 'FALSE_ALERT'"
                + " AND l.id = (SELECT MAX(m.id) FROM hit_disposition m WHERE m.hit_id = h.id))"
                + " AND (SELECT COUNT(DISTINCT d.decided_by) FROM hit_disposition d WHERE d.hit_id = h.id"
                + " AND d.outcome = 'CONFIRMED' AND d.id > " + lastFalseAlert + ") < 2)";
    }

    public List<StoredHit> forCrossing(Connection connection, long crossingId) throws SQLException {
        return select(connection, "h.crossing_id = ?", crossingId);
    }

    public Optional<StoredHit> find(Connection connection, long hitId) throws SQLException {
        return select(connection, "h.id = ?", hitId).stream().findFirst();
    }

    /** Appends a disposition to the hit's trail; earlier ones stay. */
    public void dispose(Connection connection, StoredHit hit, StoredHit.Outcome outcome, String reason, String by,
                        Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hit_disposition(hit_id, outcome, reason, decided_by, decided_at) VALUES (?,?,?,?,?)")) {
            Sql.bindAll(insert, hit.id(), outcome.name(), reason, by, now);
            insert.executeUpdate();
        }
    }

    /** A hit of this person on this entry that two people confirmed, if any: the person is the listed one. */
    public Optional<StoredHit> confirmed(Connection connection, long personId, String listId, String entryId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM screening_hit WHERE person_id = ? AND list_id = ? AND entry_id = ? ORDER BY id")) {
            Sql.bindAll(select, personId, listId, entryId);
            for (long id : Sql.list(select, row -> row.getLong(1))) {
                Optional<StoredHit> hit = find(connection, id).filter(h -> h.status() == StoredHit.Status.CONFIRMED);
                if (hit.isPresent()) {
                    return hit;
                }
            }
            return Optional.empty();
        }
    }

    private static List<StoredHit> select(Connection connection, String where, long value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT h.id, h.crossing_id, h.person_id, h.kind,"
                + " h.list_id, h.entry_id, h.score, h.action, h.explanation, h.created_at, c.id, c.cleared_by,"
                + " c.cleared_at, c.expires_at FROM screening_hit h LEFT JOIN hit_suppression s ON s.hit_id = h.id"
                + " LEFT JOIN hit_clearance c ON c.id = s.clearance_id WHERE " + where + " ORDER BY h.score DESC, h.id")) {
            select.setLong(1, value);
            List<StoredHit> found = new ArrayList<>();
            for (Row row : Sql.list(select, HitRepository::row)) {
                List<StoredHit.Disposition> history = history(connection, row.id());
                found.add(new StoredHit(row.id(), row.crossingId(), row.personId(), row.kind(), row.listId(),
                        row.entryId(), row.score(), row.action(), row.explanation(), row.createdAt(),
                        StoredHit.statusOf(history), history.isEmpty() ? null : history.get(history.size() - 1), history,
                        row.suppression()));
            }
            return found;
        }
    }

    private record Row(long id, long crossingId, long personId, WatchlistHit.Kind kind, String listId, String entryId,
                       double score, EntryAction action, String explanation, Instant createdAt,
                       StoredHit.Suppression suppression) {
    }

    private static Row row(ResultSet row) throws SQLException {
        long clearance = row.getLong(11);
        StoredHit.Suppression suppression = row.wasNull() ? null : StoredHit.Suppression.of(clearance,
                row.getString(12), Sql.instant(row, "cleared_at"), Sql.instant(row, "expires_at"));
        return new Row(row.getLong(1), row.getLong(2), row.getLong(3), WatchlistHit.Kind.valueOf(row.getString(4)),
                row.getString(5), row.getString(6), row.getDouble(7), EntryAction.valueOf(row.getString(8)),
                row.getString(9), Sql.instant(row, "created_at"), suppression);
    }

    /** The hit's dispositions, oldest first: the trail, of which the last stands. */
    private static List<StoredHit.Disposition> history(Connection connection, long hitId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT outcome, reason, decided_by, decided_at"
                + " FROM hit_disposition WHERE hit_id = ? ORDER BY id")) {
            select.setLong(1, hitId);
            return Sql.list(select, row -> new StoredHit.Disposition(StoredHit.Outcome.valueOf(row.getString(1)),
                    row.getString(2), row.getString(3), Sql.instant(row, "decided_at")));
        }
    }
}

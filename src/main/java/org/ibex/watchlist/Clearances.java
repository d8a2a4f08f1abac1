package org.ibex.watchlist;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clearances of a person against a list entry, their revocations, and which hits they suppressed. Append-only. */
public final class Clearances {
    private static final String SELECT = "SELECT c.id, c.person_id, c.list_id, c.entry_id, c.hit_id, c.cleared_by,"
            + " c.cleared_at, c.expires_at, r.revoked_by, r.revoked_at, r.reason FROM hit_clearance c"
            + " LEFT JOIN hit_clearance_revocation r ON r.clearance_id = c.id";

    /** The person's clearances in force now, by "listId\u0000entryId"; the latest wins where there are several. */
    public Map<String, Clearance> inForce(Connection connection, long personId, Instant now) throws SQLException {
        Map<String, Clearance> byEntry = new LinkedHashMap<>();
        for (Clearance clearance : standing(connection, personId, now)) {
            byEntry.put(key(clearance.listId(), clearance.entryId()), clearance);
        }
        return byEntry;
    }

    private static List<Clearance> standing(Connection connection, long personId, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT
                + " WHERE c.person_id = ? AND r.clearance_id IS NULL AND c.expires_at > ? ORDER BY c.id")) {
            Sql.bindAll(select, personId, now);
            return Sql.list(select, Clearances::clearance);
        }
    }

    public static String key(String listId, String entryId) {
        return listId + '\u0000' + entryId;
    }

    public Optional<Clearance> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE c.id = ?")) {
            select.setLong(1, id);
            return Sql.list(select, Clearances::clearance).stream().findFirst();
        }
    }

    /** The clearance a hit's false alert made, if any (the latest, should there be several). */
    public Optional<Clearance> ofHit(Connection connection, long hitId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE c.hit_id = ? ORDER BY c.id DESC")) {
            select.setLong(1, hitId);
            return Sql.list(select, Clearances::clearance).stream().findFirst();
        }
    }

    public long add(Connection connection, StoredHit hit, String by, Instant now, Instant expires) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hit_clearance(person_id, list_id,"
                + " entry_id, hit_id, cleared_by, cleared_at, expires_at) VALUES (?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Sql.bindAll(insert, hit.personId(), hit.listId(), hit.entryId(), hit.id(), by, now, expires);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void revoke(Connection connection, long clearanceId, String by, Instant now, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hit_clearance_revocation(clearance_id,"
                + " revoked_by, revoked_at, reason) VALUES (?,?,?,?)")) {
            Sql.bindAll(insert, clearanceId, by, now, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            insert.executeUpdate();
        }
    }

    /** Revokes every clearance of this person against this entry still in force; returns their ids. */
    public List<Long> revokeStanding(Connection connection, long personId, String listId, String entryId, String by,
                                     Instant now, String reason) throws SQLException {
        List<Long> revoked = standing(connection, personId, now).stream()
                .filter(c -> c.listId().equals(listId) && c.entryId().equals(entryId)).map(Clearance::id).toList();
        for (long id : revoked) {
            revoke(connection, id, by, now, reason);
        }
        return revoked;
    }

    /** Records that this clearance suppressed the hit just stored. */
    public void suppress(Connection connection, long hitId, long clearanceId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hit_suppression(hit_id, clearance_id) VALUES (?,?)")) {
            Sql.bindAll(insert, hitId, clearanceId);
            insert.executeUpdate();
        }
    }

    private static Clearance clearance(ResultSet row) throws SQLException {
        return new Clearance(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getString(6), Sql.instant(row, "cleared_at"), Sql.instant(row, "expires_at"), row.getString(9),
                Sql.instant(row, "revoked_at"), row.getString(11));
    }
}

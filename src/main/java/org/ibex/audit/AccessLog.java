package org.ibex.audit;

import org.ibex.access.Actor;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The access log: who read or wrote which personal data, when and why. Insert-only by design: no code
 * path updates or deletes a row, and no endpoint exposes a way to.
 */
public final class AccessLog {
    private final Database database;
    private final Clock clock;

    public AccessLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One access: the actor, what they did, to which record, for what purpose. */
    public record Access(String actor, String role, String action, String subject, String purpose, String remote) {
        /** An access by an authenticated actor, for the purpose they declared. */
        public static Access by(Actor actor, String action, String subject) {
            return new Access(actor.username(), actor.user().role().label(), action, subject, actor.purpose(),
                    actor.remote());
        }
    }

    /** A stored access with its time. */
    public record Entry(long id, java.time.Instant at, Access access) {
    }

    public void record(Access access) {
        database.inTransaction(connection -> {
            record(connection, access);
            return null;
        });
    }

    /** Records inside the caller's transaction, so the access and the change it logs commit together. */
    public void record(Connection connection, Access access) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO access_log(at, actor, role, action, subject, purpose, remote) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, clock.instant(), access.actor(), access.role(), access.action(),
                    truncate(access.subject(), 200), truncate(access.purpose(), 200), truncate(access.remote(), 80));
            insert.executeUpdate();
        }
    }

    public List<Entry> recent(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, at, actor, role, action, subject, purpose, remote FROM access_log ORDER BY id DESC "
                            + "FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
                return Sql.list(select, row -> new Entry(row.getLong("id"), Sql.instant(row, "at"), new Access(
                        row.getString("actor"), row.getString("role"), row.getString("action"),
                        row.getString("subject"), row.getString("purpose"), row.getString("remote"))));
            }
        });
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

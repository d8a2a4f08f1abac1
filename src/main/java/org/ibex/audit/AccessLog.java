package org.ibex.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.AccountLog;
import org.ibex.access.Actor;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access log: who read or wrote which personal data, when and why. Insert-only by design: no code
 * path updates or deletes a row, and no endpoint exposes a way to. Each access is also appended to the
 * tamper-evident {@link AuditLog} chain as an {@code access} entry, in the same transaction.
 */
public final class AccessLog {
    public static final String KIND = "access";
    private static final ObjectMapper JSON = Json.mapper();
    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;

    public AccessLog(Database database, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.auditLog = auditLog;
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

    /** Account changes, written here as {@code user.*} accesses in the change's transaction. */
    public AccountLog forAccounts() {
        return (connection, actor, action, subject) -> record(connection, Access.by(actor, action, subject));
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
        auditLog.append(connection, chainEntry(access));
    }

    /** The access as a chain entry: who and what record in their own fields, the rest as a JSON detail. */
    private static AuditEntry.Draft chainEntry(Access access) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("role", access.role());
        detail.put("action", access.action());
        detail.put("purpose", access.purpose());
        detail.put("remote", access.remote());
        return new AuditEntry.Draft(KIND, access.actor(), access.subject(), Json.write(JSON, detail));
    }

    public List<Entry> recent(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, at, actor, role, action, subject, purpose, remote FROM access_log ORDER BY id DESC "
                            + "FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
                return Sql.list(select, AccessLog::entry);
            }
        });
    }

    /** The newest entries whose action starts with {@code prefix}, e.g. {@code user.} for account changes. */
    public List<Entry> recent(String prefix, int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, at, actor, role, action, subject, purpose, remote FROM access_log WHERE action LIKE ? "
                            + "ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
                select.setString(1, prefix.replace("%", "").replace("_", "") + "%");
                return Sql.list(select, AccessLog::entry);
            }
        });
    }

    /**
     * The newest entries about one record: subjects equal to one of {@code exact}, or starting with one of
     * {@code prefixes}, newest first. Inside the caller's transaction, so a read and its own entry agree.
     */
    public List<Entry> about(Connection connection, List<String> exact, List<String> prefixes, int limit)
            throws SQLException {
        StringBuilder where = new StringBuilder("1=0");
        exact.forEach(e -> where.append(" OR subject = ?"));
        prefixes.forEach(p -> where.append(" OR subject LIKE ? ").append(Sql.LIKE_ESCAPE));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, at, actor, role, action, subject, purpose, remote FROM access_log WHERE " + where
                        + " ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            int i = 1;
            for (String e : exact) {
                select.setString(i++, e);
            }
            for (String p : prefixes) {
                select.setString(i++, Sql.startingWith(p));
            }
            return Sql.list(select, AccessLog::entry);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getLong("id"), Sql.instant(row, "at"), new Access(row.getString("actor"),
                row.getString("role"), row.getString("action"), row.getString("subject"), row.getString("purpose"),
                row.getString("remote")));
    }
}

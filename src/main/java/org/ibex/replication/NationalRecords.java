package org.ibex.replication;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The national store as people read it: what each post sent, with its origin, capture and arrival times and what
 * headquarters made of it, newest capture first, a page at a time. Payloads are not listed (enrolments carry
 * templates): the outcome names what each record became here. Every read is logged; an actor of a post reads its
 * post's records only.
 */
public final class NationalRecords {
    public static final int MAX_LIMIT = 1000;
    private final Database database;
    private final AccessLog accessLog;

    public NationalRecords(Database database, AccessLog accessLog) {
        this.database = database;
        this.accessLog = accessLog;
    }

    /** What to list: every field optional; {@code from} inclusive, {@code to} exclusive, on capture time. */
    public record Query(String kind, String post, String origin, Instant from, Instant to, int limit, Cursor before) {
        public Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " (got " + limit + ")");
            }
        }

        public static Query all(int limit) {
            return new Query(null, null, null, null, null, limit, null);
        }

        Query forPost(String postId) {
            return new Query(kind, postId, origin, from, to, limit, before);
        }

        String describe() {
            StringBuilder s = new StringBuilder("national records");
            append(s, "kind", kind);
            append(s, "post", post);
            append(s, "origin", origin);
            append(s, "from", from);
            append(s, "to", to);
            append(s, "before", before == null ? null : before.token());
            return s.toString();
        }

        private static void append(StringBuilder s, String name, Object value) {
            if (value != null) {
                s.append(' ').append(name).append('=').append(value);
            }
        }
    }

    /** Where a page ended: the last record's capture time, origin and sequence (the order the list is in). */
    public record Cursor(Instant capturedAt, String origin, long seq) {
        public String token() {
            return capturedAt + "|" + origin + "|" + seq;
        }

        /** Reads a token made by {@link #token}; anything else is refused naming the rule. */
        public static Cursor parse(String token) {
            String[] parts = token.split("\\|", -1);
            try {
                if (parts.length == 3 && !parts[1].isBlank()) {
                    return new Cursor(Instant.parse(parts[0]), parts[1], Long.parseLong(parts[2]));
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                // refused below with the rule
            }
            throw new IllegalArgumentException("before must be the 'next' token of a previous page"
                    + " (capturedAt|origin|seq), got '" + token + "'");
        }
    }

    /** One record as listed. */
    public record Listed(String origin, long seq, String kind, String postId, Instant capturedAt, Instant receivedAt,
                         String envelopeId, int payloadBytes, String outcome) {
    }

    /** A page, and the cursor of the next one (null on the last page). */
    public record Page(List<Listed> records, String next) {
    }

    /** Lists for a person, scoped to their post when they have one, and logged. */
    public Page list(Query query, Actor actor) {
        String own = actor.user().postId();
        if (own != null && query.post() != null && !query.post().equals(own)) {
            accessLog.record(AccessLog.Access.by(actor, "national.records.refused", query.describe()));
            throw new AccessDeniedException(actor.user().role().label() + " " + actor.username() + " belongs to post "
                    + own + " and cannot read the records of post " + query.post());
        }
        Query scoped = own == null ? query : query.forPost(own);
        return database.inTransaction(connection -> {
            Page page = list(connection, scoped);
            accessLog.record(connection, AccessLog.Access.by(actor, "national.records.read", scoped.describe()
                    + " -> " + page.records().size()));
            return page;
        });
    }

    /** Lists without scope or log: for the shell on a stopped node, whose operator holds the data folder. */
    public static Page list(Connection connection, Query q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT origin_node, origin_seq, kind, post_id, captured_at, received_at,"
                + " envelope_id, OCTET_LENGTH(payload), outcome FROM national_record WHERE 1=1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "kind = ?", q.kind());
        where(sql, args, "post_id = ?", q.post());
        where(sql, args, "origin_node = ?", q.origin());
        where(sql, args, "captured_at >= ?", q.from());
        where(sql, args, "captured_at < ?", q.to());
        if (q.before() != null) {
            Cursor c = q.before();
            sql.append(" AND (captured_at < ? OR (captured_at = ? AND origin_node < ?)"
                    + " OR (captured_at = ? AND origin_node = ? AND origin_seq < ?))");
            args.addAll(List.of(c.capturedAt(), c.capturedAt(), c.origin(), c.capturedAt(), c.origin(), c.seq()));
        }
        sql.append(" ORDER BY captured_at DESC, origin_node DESC, origin_seq DESC FETCH FIRST ").append(q.limit() + 1)
                .append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            List<Listed> rows = Sql.list(select, row -> new Listed(row.getString(1), row.getLong(2), row.getString(3),
                    row.getString(4), Sql.instant(row, "captured_at"), Sql.instant(row, "received_at"),
                    row.getString(7), row.getInt(8), row.getString(9)));
            if (rows.size() <= q.limit()) {
                return new Page(rows, null);
            }
            List<Listed> page = rows.subList(0, q.limit());
            Listed last = page.get(page.size() - 1);
            return new Page(List.copyOf(page), new Cursor(last.capturedAt(), last.origin(), last.seq()).token());
        }
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }
}

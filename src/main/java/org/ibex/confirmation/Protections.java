package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Protected persons (witnesses, refugees, persons under a court's protection): a supervisor records that this node
 * never confirms them to a partner, with a reason, and lifts it. Only for the persons the actor may open; every
 * change and every reading is in the access log.
 */
public final class Protections {
    /** The longest reason kept, as the table holds it. */
    public static final int MAX_REASON = 400;
    private final Database database;
    private final BiometricService biometrics;
    private final AccessLog accessLog;
    private final Clock clock;

    public Protections(Database database, BiometricService biometrics, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.biometrics = biometrics;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Protects the person, or changes the reason of a protection in force; the same reason again changes nothing. */
    public Protection protect(long personId, String reason, Actor actor) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new FieldRuleException("reason", "required", "reason is required: 1 to " + MAX_REASON
                    + " characters saying why the person is never confirmed to a partner");
        }
        String why = reason.strip();
        return database.inTransaction(connection -> {
            requireVisible(connection, personId, actor);
            Optional<Protection> current = find(connection, personId);
            if (current.isPresent() && current.get().reason().equals(why)) {
                return current.get();
            }
            String sql = current.isPresent()
                    ? "UPDATE person_protection SET reason = ?, recorded_by = ?, recorded_at = ? WHERE person_id = ?"
                    : "INSERT INTO person_protection(reason, recorded_by, recorded_at, person_id) VALUES (?, ?, ?, ?)";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                Sql.bindAll(write, why, actor.username(), clock.instant(), personId);
                write.executeUpdate();
            }
            accessLog.record(connection, new AccessLog.Access(actor.username(), actor.user().role().label(),
                    "person.protection.set", "person/" + personId, why, actor.remote()));
            return find(connection, personId).orElseThrow();
        });
    }

    /** Lifts the protection; false when there was none (nothing is written then). */
    public boolean unprotect(long personId, Actor actor) {
        return database.inTransaction(connection -> {
            requireVisible(connection, personId, actor);
            int removed;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM person_protection WHERE person_id = ?")) {
                delete.setLong(1, personId);
                removed = delete.executeUpdate();
            }
            if (removed > 0) {
                accessLog.record(connection, AccessLog.Access.by(actor, "person.protection.remove",
                        "person/" + personId));
            }
            return removed > 0;
        });
    }

    /** The protection in force, if any, of a person the actor may open. */
    public Optional<Protection> find(long personId, Actor actor) {
        return database.inTransaction(connection -> {
            requireVisible(connection, personId, actor);
            accessLog.record(connection, AccessLog.Access.by(actor, "person.protection.read", "person/" + personId));
            return find(connection, personId);
        });
    }

    /** Whether the person is protected: what a search for a partner asks before it answers. */
    public boolean isProtected(Connection connection, long personId) throws SQLException {
        return find(connection, personId).isPresent();
    }

    private void requireVisible(Connection connection, long personId, Actor actor) throws SQLException {
        if (!biometrics.coversPerson(connection, personId, actor)) {
            throw new NotFoundException("no person " + personId);
        }
    }

    private static Optional<Protection> find(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT person_id, reason, recorded_by,"
                + " recorded_at FROM person_protection WHERE person_id = ?")) {
            select.setLong(1, personId);
            List<Protection> rows = Sql.list(select, row -> new Protection(row.getLong(1), row.getString(2),
                    row.getString(3), Sql.instant(row, "recorded_at")));
            return rows.stream().findFirst();
        }
    }
}

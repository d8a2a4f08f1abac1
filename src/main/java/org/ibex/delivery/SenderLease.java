package org.ibex.delivery;

import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Lets one process at a time send a database's outbox: two nodes on one PostgreSQL database (an active one and a
 * standby) would otherwise both send every row. The holder renews a lease row in the database; another process
 * takes it when it lapses (the holder died) or is given back (the holder stopped), so a standby carries on within
 * the lease time. Sending twice is harmless, since receivers keep one copy by id; the lease only saves the traffic.
 */
public final class SenderLease {
    /** Long enough that a pause of the holder (a collection, a slow commit) does not hand the lease over. */
    public static final Duration STANDARD = Duration.ofSeconds(30);
    /** How often a process without the lease asks again: a standby takes over about this long after a release. */
    private static final Duration RETRY = Duration.ofSeconds(1);
    private final Database database;
    private final String holder;
    private final Duration ttl;
    /** Until when (monotonic) the last answer stands: a third of the lease when held, a second when not. */
    private volatile long checkAfter = System.nanoTime();
    private volatile boolean held;

    /** What the database says: who holds the lease, and whether it is this process. */
    public record State(String holder, boolean held) {
    }

    /**
     * @param holder names this process to the others; the same name after a restart takes the lease straight back
     *               (a node's host and data folder, say), since a dead process with that name cannot still send
     */
    public SenderLease(Database database, String holder, Duration ttl) {
        if (holder == null || holder.isBlank() || holder.length() > 300) {
            throw new IllegalArgumentException("lease holder must be 1 to 300 characters, got " + holder);
        }
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("lease time must be at least a second, got " + ttl);
        }
        this.database = database;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** True when this process may send now: it holds the lease, renewing or taking it in the database when due. */
    public boolean held() {
        long now = System.nanoTime();
        if (now - checkAfter < 0) {
            return held;
        }
        boolean taken = database.inTransaction(this::renew);
        held = taken;
        // Timed from before the statement, so a slow commit shortens our trust in the lease, never lengthens it.
        checkAfter = now + (taken ? ttl.toNanos() / 3 : RETRY.toNanos());
        return taken;
    }

    /**
     * Gives the lease back, so that a standby need not wait for it to lapse; does nothing if not held. A database
     * that cannot be reached at this point only delays the standby: the lease lapses on its own.
     */
    public void release() {
        if (!held) {
            return;
        }
        held = false;
        checkAfter = System.nanoTime();
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_lease"
                        + " SET expires_at = CURRENT_TIMESTAMP WHERE name = 'sender' AND holder = ?")) {
                    update.setString(1, holder);
                    return update.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            System.getLogger(SenderLease.class.getName()).log(System.Logger.Level.WARNING,
                    "could not give the sender lease back; it lapses within " + ttl, e);
        }
    }

    /** The holder the database names, and whether that is this process with a lease not yet lapsed. */
    public State state() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT holder,"
                    + " CASE WHEN expires_at > CURRENT_TIMESTAMP THEN 1 ELSE 0 END FROM exchange_lease"
                    + " WHERE name = 'sender'"); ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new State("", false);
                }
                boolean current = row.getInt(2) == 1;
                String named = current ? row.getString(1) : "";
                return new State(named, current && holder.equals(named));
            }
        });
    }

    private boolean renew(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE exchange_lease SET holder = ?,"
                + " expires_at = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND"
                + " WHERE name = 'sender' AND (holder = ? OR expires_at <= CURRENT_TIMESTAMP)")) {
            update.setString(1, holder);
            update.setLong(2, ttl.toSeconds());
            update.setString(3, holder);
            return update.executeUpdate() == 1;
        }
    }

    @Override
    public String toString() {
        return "SenderLease[" + holder + ", " + ttl + "]";
    }
}

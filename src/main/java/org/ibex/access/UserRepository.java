package org.ibex.access;

import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * User accounts with their password hashes and login state. Names are found without regard to case; writes
 * take the caller's connection, so a change commits together with its access-log entry.
 */
public final class UserRepository {
    private static final String COLUMNS = "username, password_hash, role, post_id, created_at, password_change_required, "
            + "password_set_at, disabled, failed_logins, last_failed_login, session_epoch";
    private final Database database;

    public UserRepository(Database database) {
        this.database = database;
    }

    /** A stored account: the user, the hash to check a password against, and its login state. */
    public record Account(User user, String passwordHash, Instant createdAt, boolean passwordChangeRequired,
                          Instant passwordSetAt, boolean disabled, LoginDelays.Failures failures, int sessionEpoch) {
        public String username() {
            return user.username();
        }

        @Override
        public String toString() {
            return "Account[user=" + user + ", passwordHash=***, passwordChangeRequired=" + passwordChangeRequired
                    + ", disabled=" + disabled + ", failures=" + failures + ", sessionEpoch=" + sessionEpoch + "]";
        }
    }

    void insert(Connection connection, User user, String passwordHash, boolean changeRequired, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_account(username, username_key, "
                + "password_hash, role, post_id, created_at, password_change_required, password_set_at) "
                + "VALUES (?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, user.username(), Usernames.key(user.username()), passwordHash, user.role().name(),
                    user.postId(), now, changeRequired, now);
            insert.executeUpdate();
        }
    }

    public Optional<Account> find(String username) {
        return database.read(connection -> find(connection, username));
    }

    Optional<Account> find(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM user_account WHERE username_key = ?")) {
            select.setString(1, Usernames.key(username));
            return Sql.list(select, UserRepository::account).stream().findFirst();
        }
    }

    /** Every account, by name. */
    public List<Account> accounts() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM user_account ORDER BY username_key")) {
                return Sql.list(select, UserRepository::account);
            }
        });
    }

    public List<User> all() {
        return accounts().stream().map(Account::user).toList();
    }

    /** True when an enabled admin exists: the node's first admin is made differently from the rest. */
    public boolean hasAdmin() {
        return accounts().stream().anyMatch(a -> a.user().role() == Role.ADMIN && !a.disabled());
    }

    void changeRole(Connection connection, String username, Role role, String postId) throws SQLException {
        update(connection, username, "role = ?, post_id = ?", role.name(), postId);
    }

    void setDisabled(Connection connection, String username, boolean disabled) throws SQLException {
        update(connection, username, "disabled = ?", disabled);
    }

    void setPassword(Connection connection, String username, String passwordHash, boolean changeRequired, Instant now)
            throws SQLException {
        update(connection, username, "password_hash = ?, password_change_required = ?, password_set_at = ?, "
                + "failed_logins = 0, last_failed_login = NULL", passwordHash, changeRequired, now);
    }

    /** Forgets failed logins; does not end sessions, so it is also what a successful login does. */
    void clearFailures(Connection connection, String username) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE user_account SET failed_logins = 0, last_failed_login = NULL WHERE username_key = ?")) {
            update.setString(1, Usernames.key(username));
            update.executeUpdate();
        }
    }

    void clearFailures(String username) {
        database.inTransaction(connection -> {
            clearFailures(connection, username);
            return null;
        });
    }

    void recordFailure(String username, Instant at) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE user_account SET failed_logins = "
                    + "failed_logins + 1, last_failed_login = ? WHERE username_key = ?")) {
                Sql.bindAll(update, at, Usernames.key(username));
                return update.executeUpdate();
            }
        });
    }

    /** Every change of who the user is or how they log in raises the epoch, which ends their open sessions. */
    private static void update(Connection connection, String username, String assignments, Object... values)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE user_account SET " + assignments
                + ", session_epoch = session_epoch + 1 WHERE username_key = ?")) {
            Sql.bindAll(update, values);
            update.setString(values.length + 1, Usernames.key(username));
            if (update.executeUpdate() != 1) {
                throw AccountException.notFound(username);
            }
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        User user = new User(row.getString("username"), Role.valueOf(row.getString("role")), row.getString("post_id"));
        int failed = row.getInt("failed_logins");
        LoginDelays.Failures failures = failed == 0 ? LoginDelays.Failures.NONE
                : new LoginDelays.Failures(failed, Sql.instant(row, "last_failed_login"));
        return new Account(user, row.getString("password_hash"), Sql.instant(row, "created_at"),
                row.getBoolean("password_change_required"), Sql.instant(row, "password_set_at"),
                row.getBoolean("disabled"), failures,
                row.getInt("session_epoch"));
    }
}

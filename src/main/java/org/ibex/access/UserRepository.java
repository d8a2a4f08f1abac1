package org.ibex.access;

import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** User accounts with their password hashes. */
public final class UserRepository {
    private final Database database;

    public UserRepository(Database database) {
        this.database = database;
    }

    /** A stored account: the user and the hash to check a password against. */
    public record Account(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Account[user=" + user + ", passwordHash=***]";
        }
    }

    public void add(User user, String passwordHash, Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO user_account(username, password_hash, role, post_id, created_at) VALUES (?,?,?,?,?)")) {
                Sql.bindAll(insert, user.username(), passwordHash, user.role().name(), user.postId(), now);
                return insert.executeUpdate();
            }
        });
    }

    public Optional<Account> find(String username) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username, password_hash, role, post_id FROM user_account WHERE username = ?")) {
                select.setString(1, username);
                return Sql.list(select, row -> new Account(
                        new User(row.getString("username"), Role.valueOf(row.getString("role")), row.getString("post_id")),
                        row.getString("password_hash"))).stream().findFirst();
            }
        });
    }

    public List<User> all() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username, role, post_id FROM user_account ORDER BY username")) {
                return Sql.list(select, row -> new User(row.getString("username"),
                        Role.valueOf(row.getString("role")), row.getString("post_id")));
            }
        });
    }
}

package org.ibex.access;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts headquarters manages for its posts. At headquarters: the accounts of the posts a node reports (made
 * there, bound to a post). At a post: applies headquarters' whole set inside the caller's transaction: creates and
 * updates the accounts it manages, disables (never deletes) those that left the set, and never touches an account
 * made at the post. A password set at the post after headquarters' one stays: the newer hash wins.
 */
public final class ManagedAccounts {
    private static final String COLUMNS = "username, role, post_id, password_hash, password_set_at,"
            + " password_change_required, disabled, created_at, managed_by";

    /** One change an apply made, for the access log: the action ({@code user.create} …) and the account. */
    public record Change(String action, String subject) {
    }

    /** What applying headquarters' set did: the changes, and the names kept because the post made them itself. */
    public record Applied(List<Change> changes, List<String> keptLocal) {
        public String summary() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
            StringBuilder text = new StringBuilder(changes.isEmpty() ? "accounts unchanged" : "accounts");
            counts.forEach((action, n) -> text.append(' ').append(action.substring(action.indexOf('.') + 1))
                    .append('=').append(n));
            if (!keptLocal.isEmpty()) {
                text.append(", kept local ").append(String.join(" ", keptLocal));
            }
            return text.toString();
        }
    }

    /** At headquarters: its own accounts bound to any of {@code posts}, by name, disabled ones included. */
    public List<ManagedAccount> ofPosts(Connection connection, Collection<String> posts) throws SQLException {
        if (posts.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM user_account"
                + " WHERE managed_by IS NULL AND role IN (?, ?) ORDER BY username_key")) {
            Sql.bindAll(select, Role.OFFICER.name(), Role.SUPERVISOR.name());
            Set<String> wanted = new HashSet<>(posts);
            return Sql.list(select, ManagedAccounts::account).stream()
                    .filter(a -> wanted.contains(a.postId())).toList();
        }
    }

    /**
     * At a post: makes its accounts managed by {@code headquarters} match {@code accounts} (whose posts must exist).
     */
    public Applied apply(Connection connection, String headquarters, List<ManagedAccount> accounts)
            throws SQLException {
        Set<String> sent = new HashSet<>();
        for (ManagedAccount account : accounts) {
            // Checked before anything is written: a refused set leaves the post's accounts as they were.
            if (!sent.add(Usernames.key(account.username()))) {
                throw new IllegalArgumentException("username " + account.username() + " appears twice (usernames"
                        + " ignore case)");
            }
        }
        Map<String, Held> held = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM user_account")) {
            for (Held h : Sql.list(select, row -> new Held(account(row), row.getString("managed_by")))) {
                held.put(Usernames.key(h.account().username()), h);
            }
        }
        List<Change> changes = new ArrayList<>();
        List<String> keptLocal = new ArrayList<>();
        for (ManagedAccount account : accounts) {
            String key = Usernames.key(account.username());
            Held existing = held.get(key);
            if (existing == null) {
                insert(connection, account, headquarters);
                changes.add(new Change("user.create", subject(account)));
            } else if (existing.managedBy() == null) {
                keptLocal.add(existing.account().username());
            } else {
                update(connection, existing, account, headquarters, changes);
            }
        }
        for (Map.Entry<String, Held> entry : held.entrySet()) {
            Held h = entry.getValue();
            if (h.managedBy() != null && !sent.contains(entry.getKey()) && !h.account().disabled()) {
                set(connection, h.account().username(), "disabled = ?", true);
                changes.add(new Change("user.disable", subject(h.account()) + " (no longer sent by headquarters)"));
            }
        }
        return new Applied(changes, keptLocal);
    }

    private record Held(ManagedAccount account, String managedBy) {
    }

    private static void update(Connection connection, Held existing, ManagedAccount account, String headquarters,
                               List<Change> changes) throws SQLException {
        ManagedAccount was = existing.account();
        if (was.role() != account.role() || !java.util.Objects.equals(was.postId(), account.postId())) {
            set(connection, was.username(), "role = ?, post_id = ?", account.role().name(), account.postId());
            changes.add(new Change("user.change", subject(was) + " -> role=" + account.role().label() + " post="
                    + account.postId()));
        }
        if (account.passwordSetAt().isAfter(was.passwordSetAt())) {
            set(connection, was.username(), "password_hash = ?, password_set_at = ?, password_change_required = ?,"
                    + " failed_logins = 0, last_failed_login = NULL", account.passwordHash(), account.passwordSetAt(),
                    account.passwordChangeRequired());
            changes.add(new Change("user.password-set", subject(account)));
        }
        if (was.disabled() != account.disabled()) {
            set(connection, was.username(), "disabled = ?", account.disabled());
            changes.add(new Change(account.disabled() ? "user.disable" : "user.enable", subject(account)));
        }
        if (!headquarters.equals(existing.managedBy())) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE user_account SET managed_by = ? WHERE username_key = ?")) {
                Sql.bindAll(update, headquarters, Usernames.key(was.username()));
                update.executeUpdate();
            }
        }
    }

    private static void insert(Connection connection, ManagedAccount account, String headquarters)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_account(username, username_key,"
                + " password_hash, role, post_id, created_at, password_change_required, password_set_at, disabled,"
                + " managed_by) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, account.username(), Usernames.key(account.username()), account.passwordHash(),
                    account.role().name(), account.postId(), account.createdAt(), account.passwordChangeRequired(),
                    account.passwordSetAt(), account.disabled(), headquarters);
            insert.executeUpdate();
        }
    }

    /** Every change of who the user is or how they log in raises the epoch, which ends their open sessions. */
    private static void set(Connection connection, String username, String assignments, Object... values)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE user_account SET " + assignments
                + ", session_epoch = session_epoch + 1 WHERE username_key = ?")) {
            Sql.bindAll(update, values);
            update.setString(values.length + 1, Usernames.key(username));
            update.executeUpdate();
        }
    }

    /** A row as it stands, unchecked: a local account of any role is read only for its name and origin. */
    private static ManagedAccount account(ResultSet row) throws SQLException {
        Role role = Role.valueOf(row.getString("role"));
        Instant setAt = Sql.instant(row, "password_set_at");
        Instant created = Sql.instant(row, "created_at");
        return new ManagedAccount(row.getString("username"), role, row.getString("post_id"),
                row.getString("password_hash"), setAt == null ? created : setAt,
                row.getBoolean("password_change_required"), row.getBoolean("disabled"), created);
    }

    private static String subject(ManagedAccount account) {
        return "user/" + account.username() + " role=" + account.role().label() + " post=" + account.postId();
    }
}

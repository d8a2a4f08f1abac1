package org.ibex.access;

import org.ibex.store.Database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every change to accounts, for the web API and the CLI alike: create, change role or post, disable, enable,
 * unlock, reset and change a password. Each change and its access-log entry commit in one transaction.
 * Administrators never choose another person's password: the node makes a one-time password, shown once, that
 * works only to set the user's own password, so an admin cannot quietly hold a working analyst login.
 */
public final class Accounts {
    private static final String UNIQUE_VIOLATION = "23505";
    private final Database database;
    private final UserRepository users;
    private final Authenticator authenticator;
    private final PasswordPolicy policy;
    private final AccountLog log;
    private final Predicate<String> knownPost;
    private final OneTimePasswords oneTime;
    private final Clock clock;

    public Accounts(Database database, UserRepository users, Authenticator authenticator, PasswordPolicy policy,
                    AccountLog log, Predicate<String> knownPost, SecureRandom random, Clock clock) {
        this.database = database;
        this.users = users;
        this.authenticator = authenticator;
        this.policy = policy;
        this.log = log;
        this.knownPost = knownPost;
        this.oneTime = new OneTimePasswords(random);
        this.clock = clock;
    }

    /** A new account or reset: the user and the one-time password to hand them, shown this once. */
    public record Issued(User user, String oneTimePassword) {
        @Override
        public String toString() {
            return "Issued[user=" + user + ", oneTimePassword=***]";
        }
    }

    /** Creates an account with a one-time password that must be changed at the first login. */
    public Issued create(Actor actor, String username, String role, String post) {
        User user = newUser(username, role, post);
        String password = oneTime.next();
        insert(actor, user, authenticator.hash(password), true, "");
        return new Issued(user, password);
    }

    /**
     * Creates an account with a password the operator chose and typed at the node (the node's first admin):
     * checked against the policy and not to be changed at first login.
     */
    public User createWithPassword(Actor actor, String username, String role, String post, String password) {
        User user = newUser(username, role, post);
        policy.check("password", user.username(), password);
        insert(actor, user, authenticator.hash(password), false, " password=chosen");
        return user;
    }

    /**
     * Creates an account with a published password, unchecked, for the demo and the benchmarks only: their
     * passwords are printed in the README, so no policy could make them secret. Logged like any creation.
     */
    public User seed(Actor actor, User user, String password) {
        insert(actor, newUser(user.username(), user.role().label(), user.postId()), authenticator.hash(password), false,
                " password=published");
        return user;
    }

    /** Changes role and post; null keeps the current value. Ends the user's sessions. */
    public User change(Actor actor, String username, String role, String post) {
        UserRepository.Account account = existing(username);
        refuseSelf(actor, account, "change their own role or post");
        Role newRole = role == null ? account.user().role() : parseRole(role);
        String newPost = post != null ? post : newRole.boundToPost() ? account.user().postId() : null;
        User user = checkedUser(account.username(), newRole, newPost);
        database.inTransaction(connection -> {
            users.changeRole(connection, user.username(), user.role(), user.postId());
            log.record(connection, actor, "user.change", subject(account.user()) + " -> role=" + user.role().label()
                    + " post=" + (user.postId() == null ? "-" : user.postId()));
            return null;
        });
        authenticator.sessions().closeAll(user.username());
        return user;
    }

    /** Disables the account and ends its sessions; its history and name stay. */
    public void disable(Actor actor, String username) {
        UserRepository.Account account = existing(username);
        refuseSelf(actor, account, "disable themselves");
        write(actor, account, "user.disable", connection -> users.setDisabled(connection, account.username(), true));
        authenticator.sessions().closeAll(account.username());
    }

    public void enable(Actor actor, String username) {
        UserRepository.Account account = existing(username);
        write(actor, account, "user.enable", connection -> users.setDisabled(connection, account.username(), false));
    }

    /** Forgets the account's failed logins, so its next login is not delayed. */
    public void unlock(Actor actor, String username) {
        UserRepository.Account account = existing(username);
        write(actor, account, "user.unlock", connection -> users.clearFailures(connection, account.username()));
    }

    /** Replaces the password with a one-time password, to be changed at the next login; ends the sessions. */
    public Issued resetPassword(Actor actor, String username) {
        UserRepository.Account account = existing(username);
        String password = oneTime.next();
        String hash = authenticator.hash(password);
        write(actor, account, "user.password-reset",
                connection -> users.setPassword(connection, account.username(), hash, true, clock.instant()));
        authenticator.sessions().closeAll(account.username());
        return new Issued(account.user(), password);
    }

    /**
     * The user sets their own password, proving the current one (or the one-time password). Ends every
     * session of the user and returns a fresh token, which may do everything the role allows.
     */
    public String changeOwnPassword(Actor actor, String current, String fresh) {
        UserRepository.Account account = existing(actor.username());
        // A stolen token must not become a way around the login delays to guess the password itself.
        Duration wait = authenticator.loginDelay(account);
        if (!wait.isZero()) {
            throw AccountException.throttled("currentPassword", wait);
        }
        if (!authenticator.verify(account, current)) {
            users.recordFailure(account.username(), clock.instant());
            throw new AccountException(AccountException.Kind.INVALID, "wrong-password", "currentPassword",
                    "currentPassword is not the account's password");
        }
        policy.check("newPassword", account.username(), fresh);
        if (authenticator.verify(account, fresh)) {
            throw new AccountException(AccountException.Kind.INVALID, "password-unchanged", "newPassword",
                    "newPassword must differ from the current password");
        }
        String hash = authenticator.hash(fresh);
        write(actor, account, "user.password-change",
                connection -> users.setPassword(connection, account.username(), hash, false, clock.instant()));
        authenticator.sessions().closeAll(account.username());
        return authenticator.sessions().open(account.username(), existing(account.username()).sessionEpoch());
    }

    public List<AccountSummary> list() {
        return users.accounts().stream().map(a -> new AccountSummary(a.username(), a.user().role(), a.user().postId(),
                a.createdAt(), a.disabled(), a.passwordChangeRequired(), a.failures().count(),
                authenticator.loginDelay(a).toSeconds())).toList();
    }

    public AccountSummary summary(String username) {
        String key = Usernames.key(username);
        return list().stream().filter(a -> Usernames.key(a.username()).equals(key)).findFirst()
                .orElseThrow(() -> AccountException.notFound(username));
    }

    private void insert(Actor actor, User user, String hash, boolean changeRequired, String note) {
        database.inTransaction(connection -> {
            if (users.find(connection, user.username()).isPresent()) {
                throw taken(user);
            }
            try {
                users.insert(connection, user, hash, changeRequired, clock.instant());
            } catch (SQLException e) {
                // Two creations of one name at once: the unique index refuses the second.
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw taken(user);
                }
                throw e;
            }
            log.record(connection, actor, "user.create", subject(user) + note);
            return null;
        });
    }

    private static AccountException taken(User user) {
        return new AccountException(AccountException.Kind.CONFLICT, "exists", "username", "user '" + user.username()
                + "' exists (usernames ignore case)");
    }

    private void write(Actor actor, UserRepository.Account account, String action, Change change) {
        database.inTransaction(connection -> {
            change.apply(connection);
            log.record(connection, actor, action, subject(account.user()));
            return null;
        });
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection connection) throws SQLException;
    }

    private UserRepository.Account existing(String username) {
        return users.find(username == null ? "" : username).orElseThrow(() -> AccountException.notFound(username));
    }

    private User newUser(String username, String role, String post) {
        Usernames.check(username);
        if (role == null || role.isBlank()) {
            throw AccountException.invalid("role", "role is required: officer, supervisor, analyst or admin");
        }
        return checkedUser(username, parseRole(role), post);
    }

    private User checkedUser(String username, Role role, String post) {
        String postId = post == null || post.isBlank() ? null : post;
        if (role.boundToPost() && postId == null) {
            throw AccountException.invalid("postId", "post is required for role " + role.label());
        }
        if (!role.boundToPost() && postId != null) {
            throw AccountException.invalid("postId", role.label() + "s belong to the whole node, not a post: leave post out");
        }
        if (postId != null && !knownPost.test(postId)) {
            throw AccountException.invalid("postId", "unknown post '" + postId + "': add it with 'ibex post add'");
        }
        return new User(username, role, postId);
    }

    private static Role parseRole(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw AccountException.invalid("role", e.getMessage());
        }
    }

    private static void refuseSelf(Actor actor, UserRepository.Account account, String what) {
        if (Usernames.key(actor.username()).equals(Usernames.key(account.username()))) {
            throw new AccountException(AccountException.Kind.FORBIDDEN, "own-account", "username",
                    "an admin cannot " + what + "; another admin must");
        }
    }

    private static String subject(User user) {
        return "user/" + user.username() + " role=" + user.role().label() + " post="
                + (user.postId() == null ? "-" : user.postId());
    }
}

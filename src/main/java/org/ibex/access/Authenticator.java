package org.ibex.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Checks a username and password, throttling failures, and opens a session on success. */
public final class Authenticator {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    // Verifying against a dummy hash when the user is unknown keeps timing equal, so names cannot be probed.
    private final String dummyHash;

    public Authenticator(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.dummyHash = hasher.hash("not-a-real-password");
    }

    /** The outcome of a login: a token and user, or a refusal with the wait before the next try. */
    public record Outcome(String token, User user, Duration retryAfter) {
        public boolean ok() {
            return token != null;
        }

        @Override
        public String toString() {
            return "Outcome[user=" + user + ", retryAfter=" + retryAfter + "]";
        }
    }

    public Outcome login(String username, String password, String remote) {
        Duration wait = throttle.retryAfter(username, remote);
        if (!wait.isZero() && !wait.isNegative()) {
            return new Outcome(null, null, wait);
        }
        Optional<UserRepository.Account> account = users.find(username == null ? "" : username);
        String hash = account.map(UserRepository.Account::passwordHash).orElse(dummyHash);
        boolean matches = password != null && hasher.verify(password, hash);
        if (account.isEmpty() || !matches) {
            throttle.failed(username, remote);
            return new Outcome(null, null, Duration.ZERO);
        }
        throttle.succeeded(username);
        User user = account.get().user();
        return new Outcome(sessions.open(user), user, Duration.ZERO);
    }

    public Optional<User> authenticate(String token) {
        return sessions.find(token);
    }

    public void logout(String token) {
        sessions.close(token);
    }

    public void addUser(User user, String password, Instant now) {
        users.add(user, hasher.hash(password), now);
    }
}

package org.ibex.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a username and password, delaying repeated failures, and opens a session on success; on every
 * request, checks the session against the account as it is now, so a disabled account, a new role or a reset
 * password takes effect at once, also when made by the CLI or by another node on the same database.
 */
public final class Authenticator {
    /** A one-time password not exchanged within this time no longer opens the account; an admin resets it. */
    public static final Duration ONE_TIME_PASSWORD_LIFETIME = Duration.ofDays(3);
    private static final int STRIPES = 64;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    // Verifying against a dummy hash when the user is unknown keeps timing equal, so names cannot be probed.
    private final String dummyHash;
    // Tries at one account run one at a time, so a burst of parallel guesses meets the delay its first ones earn.
    private final Object[] stripes = new Object[STRIPES];

    public Authenticator(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.dummyHash = hasher.hash("not-a-real-password");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** How a login ended. The last two are told only to someone who gave the right password. */
    public enum Result { OK, BAD_CREDENTIALS, THROTTLED, DISABLED, ONE_TIME_PASSWORD_EXPIRED }

    /** The outcome of a login: a token and user, or a refusal with the wait before the next try. */
    public record Outcome(Result result, String token, User user, Duration retryAfter, boolean passwordChangeRequired) {
        static Outcome refused(Result result, Duration retryAfter) {
            return new Outcome(result, null, null, retryAfter, false);
        }

        public boolean ok() {
            return result == Result.OK;
        }

        @Override
        public String toString() {
            return "Outcome[result=" + result + ", user=" + user + ", retryAfter=" + retryAfter
                    + ", passwordChangeRequired=" + passwordChangeRequired + "]";
        }
    }

    /** A request's user as the account stands now, and whether all it may do is change its password. */
    public record Authenticated(User user, boolean passwordChangeRequired) {
    }

    public Outcome login(String username, String password, String remote) {
        String name = username == null ? "" : username;
        synchronized (stripes[Math.floorMod(Usernames.key(name).hashCode(), STRIPES)]) {
            return attempt(name, password, remote);
        }
    }

    private Outcome attempt(String name, String password, String remote) {
        Instant now = throttle.now();
        Optional<UserRepository.Account> account = users.find(name);
        LoginDelays.Failures failures = account.map(UserRepository.Account::failures)
                .orElseGet(() -> throttle.unknownName(name));
        Duration wait = longer(throttle.addressWait(remote), throttle.delays().remaining(failures, now));
        if (!wait.isZero()) {
            return Outcome.refused(Result.THROTTLED, wait);
        }
        String hash = account.map(UserRepository.Account::passwordHash).orElse(dummyHash);
        boolean matches = password != null && hasher.verify(password, hash);
        if (account.isEmpty() || !matches) {
            throttle.addressFailed(remote);
            if (account.isPresent()) {
                users.recordFailure(name, now);
            } else {
                throttle.unknownNameFailed(name);
            }
            return Outcome.refused(Result.BAD_CREDENTIALS, Duration.ZERO);
        }
        UserRepository.Account found = account.get();
        if (found.disabled()) {
            return Outcome.refused(Result.DISABLED, Duration.ZERO);
        }
        if (found.passwordChangeRequired() && found.passwordSetAt() != null
                && !now.isBefore(found.passwordSetAt().plus(ONE_TIME_PASSWORD_LIFETIME))) {
            return Outcome.refused(Result.ONE_TIME_PASSWORD_EXPIRED, Duration.ZERO);
        }
        if (found.failures().count() > 0) {
            users.clearFailures(name);
        }
        return new Outcome(Result.OK, sessions.open(found.username(), found.sessionEpoch()), found.user(), Duration.ZERO,
                found.passwordChangeRequired());
    }

    public Optional<Authenticated> authenticate(String token) {
        Optional<Sessions.Session> session = sessions.find(token);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserRepository.Account> account = users.find(session.get().username())
                .filter(a -> !a.disabled() && a.sessionEpoch() == session.get().epoch());
        if (account.isEmpty()) {
            sessions.close(token);
            return Optional.empty();
        }
        return Optional.of(new Authenticated(account.get().user(), account.get().passwordChangeRequired()));
    }

    public void logout(String token) {
        sessions.close(token);
    }

    /** True when the password is the account's current one; for a password change, which must prove it. */
    boolean verify(UserRepository.Account account, String password) {
        return password != null && hasher.verify(password, account.passwordHash());
    }

    String hash(String password) {
        return hasher.hash(password);
    }

    /** How long the account must still wait before its next login try. */
    Duration loginDelay(UserRepository.Account account) {
        return throttle.delays().remaining(account.failures(), throttle.now());
    }

    Sessions sessions() {
        return sessions;
    }

    private static Duration longer(Duration a, Duration b) {
        Duration max = a.compareTo(b) >= 0 ? a : b;
        return max.isNegative() ? Duration.ZERO : max;
    }
}

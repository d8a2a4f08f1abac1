package org.ibex.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens issued at login. Only the SHA-256 of a token is kept, so a heap dump does not hand out
 * sessions. A token ends after a period without use and, however often it is used, at an absolute lifetime
 * from the login: a stolen token that is kept busy still dies.
 */
public final class Sessions {
    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final Clock clock;

    /** An open session: whose it is, the account's session epoch at login, and its times. */
    public record Session(String username, int epoch, Instant opened, Instant lastUsed) {
    }

    public Sessions(Duration idleTimeout, Duration lifetime, Clock clock) {
        if (lifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("session lifetime " + lifetime + " must not be shorter than the idle timeout "
                    + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Eight hours idle, twelve hours at most: one shift. */
    public static Sessions standard(Clock clock) {
        return new Sessions(Duration.ofHours(8), Duration.ofHours(12), clock);
    }

    public String open(String username, int epoch) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        byDigest.put(digest(token), new Session(username, epoch, now, now));
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String key = digest(token);
        Session session = byDigest.get(key);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastUsed().plus(idleTimeout).isBefore(now) || !now.isBefore(session.opened().plus(lifetime))) {
            byDigest.remove(key);
            return Optional.empty();
        }
        Session used = new Session(session.username(), session.epoch(), session.opened(), now);
        byDigest.put(key, used);
        return Optional.of(used);
    }

    public void close(String token) {
        if (token != null) {
            byDigest.remove(digest(token));
        }
    }

    /** Ends every session of the user (any case of the name), e.g. when the account is disabled. */
    public void closeAll(String username) {
        String key = Usernames.key(username);
        byDigest.values().removeIf(session -> Usernames.key(session.username()).equals(key));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

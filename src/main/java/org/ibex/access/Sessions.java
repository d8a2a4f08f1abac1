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
 * sessions; a token expires after a period without use.
 */
public final class Sessions {
    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final Clock clock;

    private record Session(User user, Instant lastUsed) {
    }

    public Sessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    public String open(User user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byDigest.put(digest(token), new Session(user, clock.instant()));
        return token;
    }

    public Optional<User> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String key = digest(token);
        Session session = byDigest.get(key);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastUsed().plus(idleTimeout).isBefore(now)) {
            byDigest.remove(key);
            return Optional.empty();
        }
        byDigest.put(key, new Session(session.user(), now));
        return Optional.of(session.user());
    }

    public void close(String token) {
        if (token != null) {
            byDigest.remove(digest(token));
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

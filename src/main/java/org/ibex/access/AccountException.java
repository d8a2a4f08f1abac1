package org.ibex.access;

import java.time.Duration;

/** An account operation refused: why (the kind decides the HTTP status), a stable code, and the field to blame. */
public final class AccountException extends RuntimeException {
    /** What kind of refusal: bad input, a clash, no such account, not allowed, or a wait after failures. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND, FORBIDDEN, THROTTLED }

    private final Kind kind;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public AccountException(Kind kind, String code, String field, String message) {
        this(kind, code, field, message, Duration.ZERO);
    }

    private AccountException(Kind kind, String code, String field, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static AccountException throttled(String field, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return new AccountException(Kind.THROTTLED, "too-many-failures", field, "too many wrong passwords; try again in "
                + seconds + " s", Duration.ofSeconds(seconds));
    }

    /** The wait a {@link Kind#THROTTLED} refusal asks for; zero for the others. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static AccountException invalid(String field, String message) {
        return new AccountException(Kind.INVALID, "invalid-input", field, message);
    }

    static AccountException notFound(String username) {
        return new AccountException(Kind.NOT_FOUND, "not-found", "username", "no user '" + username + "'");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}

package org.ibex.access;

/** An account operation refused: why (the kind decides the HTTP status), a stable code, and the field to blame. */
public final class AccountException extends RuntimeException {
    /** What kind of refusal: bad input, a clash with an existing account, no such account, or not allowed. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND, FORBIDDEN }

    private final Kind kind;
    private final String code;
    private final String field;

    public AccountException(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
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

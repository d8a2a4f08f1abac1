package org.ibex.store;

/**
 * A request that contradicts what is stored (HTTP 409): a key already used for something else, a change that needs
 * a confirmation. {@code code} is stable for machines; the message says what to do instead.
 */
public final class ConflictException extends RuntimeException {
    private final String code;
    private final String field;

    public ConflictException(String code, String message) {
        this(code, null, message);
    }

    public ConflictException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}

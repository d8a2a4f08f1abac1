package org.ibex.border;

/** The request contradicts the record's state, e.g. clearing a confirmed hit (HTTP 409); the code names the rule. */
public final class ConflictException extends RuntimeException {
    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

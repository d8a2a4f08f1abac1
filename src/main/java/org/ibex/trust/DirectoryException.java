package org.ibex.trust;

/** Why a federation directory was refused, with a stable code for machines and a message naming what failed. */
public final class DirectoryException extends Exception {
    /** Stable codes; {@link #code()} gives the wire form such as {@code bad-signature}. */
    public enum Code {
        BAD_SIGNATURE("bad-signature"),
        UNTRUSTED_CHAIN("untrusted-chain"),
        EXPIRED("expired"),
        ROLLBACK("rollback"),
        MALFORMED("malformed");

        private final String code;

        Code(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Code code;

    DirectoryException(Code code, String message) {
        super(code.code() + ": " + message);
        this.code = code;
    }

    DirectoryException(Code code, String message, Throwable cause) {
        super(code.code() + ": " + message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}

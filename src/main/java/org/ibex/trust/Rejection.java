package org.ibex.trust;

/**
 * Why an incoming envelope was refused: a stable code for machines (and partner states) and a message naming
 * the field. Thrown before any handler sees the envelope.
 */
public final class Rejection extends Exception {
    private final Code code;

    /** The stable reasons; {@link #code()} is the wire form. */
    public enum Code {
        MALFORMED("malformed"),
        BAD_SIGNATURE("bad-signature"),
        UNTRUSTED_CHAIN("untrusted-chain"),
        REVOKED_CERTIFICATE("revoked-certificate"),
        EXPIRED_CERTIFICATE("expired-certificate"),
        SENDER_MISMATCH("sender-mismatch"),
        /** A certified node that the current federation directory does not list (removed, or never published). */
        UNKNOWN_NODE("unknown-node"),
        WRONG_RECIPIENT("wrong-recipient"),
        EXPIRED("expired"),
        OUTSIDE_WINDOW("outside-window"),
        REPLAYED("replayed"),
        /** Only from {@link EnvelopeDecrypter}: the payload is not encrypted to this node's key, or was altered. */
        UNDECRYPTABLE("undecryptable");

        private final String code;

        Code(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Rejection(Code code, String message) {
        // No stack trace: rejections are expected input, and a flood of them should cost little.
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    @Override
    public String toString() {
        return "Rejection[" + code.code() + ": " + getMessage() + "]";
    }
}

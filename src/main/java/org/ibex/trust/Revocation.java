package org.ibex.trust;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** One revoked certificate, by serial number, as listed in a CA folder and the federation directory. */
public record Revocation(BigInteger serial, RevocationReason reason, Instant revokedAt) {
    public Revocation {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Parses a serial written in hexadecimal, as openssl and our CLI print it. */
    public static BigInteger parseSerial(String hex) {
        try {
            return new BigInteger(hex.replace(":", ""), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("serial '" + hex + "' must be hexadecimal such as 3f9a...");
        }
    }

    public String serialHex() {
        return serial.toString(16);
    }
}

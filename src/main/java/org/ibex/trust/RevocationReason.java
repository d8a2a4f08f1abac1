package org.ibex.trust;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Why a node certificate was revoked, named as in RFC 5280 CRLReason. */
public enum RevocationReason {
    KEY_COMPROMISE("keyCompromise"),
    SUPERSEDED("superseded"),
    CESSATION_OF_OPERATION("cessationOfOperation");

    private final String code;

    RevocationReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RevocationReason parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("revocation reason '" + code + "' must be one of "
                        + Arrays.stream(values()).map(RevocationReason::code).collect(Collectors.joining(", "))));
    }
}

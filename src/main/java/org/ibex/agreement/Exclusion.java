package org.ibex.agreement;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whom the answerer never reports as a hit under a rule, whatever its gallery holds: its own nationals, or the people
 * it protects (refugees and others under its protection). The asker reads a plain no-hit.
 */
public enum Exclusion {
    OWN_NATIONALS, PROTECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a code such as {@code own-nationals}; the message lists the codes there are. */
    public static Exclusion parse(String code) {
        for (Exclusion exclusion : values()) {
            if (exclusion.code().equals(code)) {
                return exclusion;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not an exclusion; use one of "
                + String.join(", ", Arrays.stream(values()).map(Exclusion::code).toList()));
    }
}

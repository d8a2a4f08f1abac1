package org.ibex.agreement;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one agency may ask another: whether a person crossed and when, whether a person is in the country now,
 * whether a traveller is wanted, whether a partner knows a person by their fingerprints (hit or no hit), whether a
 * travel document is reported lost or stolen, and, after a hit, the release of what the agreement allows.
 */
public enum QueryType {
    CROSSINGS, PRESENCE, WANTED, IDENTITY, DOCUMENT_STATUS, RELEASE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a code such as {@code crossings}; the message lists the codes there are. */
    public static QueryType parse(String code) {
        for (QueryType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a query type; use one of "
                + String.join(", ", Arrays.stream(values()).map(QueryType::code).toList()));
    }
}

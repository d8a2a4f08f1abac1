package org.ibex.agreement;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one agency may ask another: whether a person crossed and when, whether a person is in the country now,
 * whether a traveller is wanted, and who a person is by their fingerprints.
 */
public enum QueryType {
    CROSSINGS, PRESENCE, WANTED, IDENTITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
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

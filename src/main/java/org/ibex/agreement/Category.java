package org.ibex.agreement;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an answer may carry about a person, from least to most: whether they are known, who, where they went, their
 * travel documents, their photo, their prints.
 */
public enum Category {
    HIT, BIOGRAPHIC, TRAVEL_HISTORY, DOCUMENTS, PHOTO, BIOMETRIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a code such as {@code travel-history}; the message lists the codes there are. */
    public static Category parse(String code) {
        for (Category category : values()) {
            if (category.code().equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a data category; use one of "
                + String.join(", ", Arrays.stream(values()).map(Category::code).toList()));
    }
}

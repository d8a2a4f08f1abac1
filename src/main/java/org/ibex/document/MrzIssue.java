package org.ibex.document;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * An error in an MRZ: the reading field it concerns, a stable rule code, a readable message and where it is.
 * {@code values} are the values the message names, in its order (for a failed check digit: the checked value, the
 * digit expected and the character found), so a screen can say the same in the officer's language; they are not part
 * of the API's JSON, whose message already holds them.
 */
public record MrzIssue(String field, String rule, String message, MrzPosition position,
                       @JsonIgnore List<String> values) {
    public MrzIssue {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public MrzIssue(String field, String rule, String message, MrzPosition position) {
        this(field, rule, message, position, List.of());
    }
}

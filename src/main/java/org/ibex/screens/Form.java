package org.ibex.screens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user typed into a form and what was wrong with it, so a page re-renders with their values and the GOV.UK
 * error pattern: a summary at the top linking to each field, and the message beside the field.
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** One error: the field's id (the summary links to it) and its message. */
    public record FieldError(String field, String message) {
    }

    public static Form empty() {
        return new Form();
    }

    public Form set(String field, String value) {
        values.put(field, value);
        return this;
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    /** Records an error on a field; the first error of a field wins, as the user fixes one thing at a time. */
    public Form error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String errorOf(String field) {
        return errors.get(field);
    }

    public List<FieldError> errors() {
        return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }
}

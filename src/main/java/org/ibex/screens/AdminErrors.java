package org.ibex.screens;

import org.ibex.border.InvalidInputException;
import org.ibex.input.FieldRuleException;

/**
 * Domain refusals as GOV.UK field errors in the user's language: the message of {@code <prefix>.<field>.<rule>}
 * when the bundle has one, else the domain's own words, so no refusal is ever lost for want of a translation.
 */
final class AdminErrors {
    private AdminErrors() {
    }

    static void add(ScreenRequest r, Form form, String prefix, FieldRuleException e) {
        if (e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            for (InvalidInputException.Problem p : invalid.problems()) {
                add(r, form, prefix, p.field(), p.rule(), p.message());
            }
        } else {
            add(r, form, prefix, e.field(), e.rule(), e.getMessage());
        }
    }

    static void add(ScreenRequest r, Form form, String prefix, String field, String rule, String message) {
        String key = prefix + "." + field + "." + rule;
        form.error(field, r.texts().has(key) ? r.t(key) : message);
    }
}

package org.ibex.document;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors, repairs and suggestions of one parse; scratch that lives only for that parse. */
final class Findings {
    private final List<MrzIssue> errors = new ArrayList<>();
    private final List<MrzRepair> repairs = new ArrayList<>();
    private final List<MrzSuggestion> suggestions = new ArrayList<>();

    /** An error; {@code values} are those the message names, in its order. */
    void error(String field, String rule, MrzPosition at, String message, String... values) {
        errors.add(new MrzIssue(field, rule, message, at, List.of(values)));
    }

    void repair(String field, String rule, MrzPosition at, String from, String to, String message) {
        repairs.add(new MrzRepair(field, rule, message, at, from, to));
    }

    void suggest(String field, MrzPosition at, String original, String suggested, String message) {
        suggestions.add(new MrzSuggestion(field, message, at, original, suggested));
    }

    List<MrzIssue> errors() {
        return errors;
    }

    List<MrzRepair> repairs() {
        return repairs;
    }

    List<MrzSuggestion> suggestions() {
        return suggestions;
    }
}

package org.ibex.border;

import org.ibex.input.FieldRuleException;

import java.util.List;

/** Input that breaks a rule; each problem names the field and the rule (HTTP 400, CLI exit 2). */
public final class InvalidInputException extends FieldRuleException {
    private final List<Problem> problems;

    /** One broken rule on one field. */
    public record Problem(String field, String rule, String message) {
    }

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? null : problems.get(0).field(), problems.isEmpty() ? null : problems.get(0).rule(),
                problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String rule, String message) {
        return new InvalidInputException(List.of(new Problem(field, rule, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public List<Problem> details() {
        return problems;
    }
}

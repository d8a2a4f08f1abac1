package org.ibex.agreement;

import org.ibex.input.FieldRuleException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One rule written on a command line as {@code key=value;key=value}, the lists comma-separated. */
final class RuleSpec {
    private static final List<String> KEYS = List.of("asker", "answerer", "queries", "purposes", "categories",
            "per-day", "per-year", "retention-days", "approval");
    /** Keys a rule may leave out. */
    private static final List<String> OPTIONAL = List.of("exclusions", "reference-hours");

    private RuleSpec() {
    }

    static AgreementRule parse(String spec) {
        if (spec == null || spec.isBlank() || spec.length() > 2000) {
            throw new FieldRuleException("rule", "required", "a rule is 1 to 2000 characters of key=value pairs"
                    + " separated by ';' with the keys " + String.join(", ", KEYS));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : spec.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair.strip() : pair.substring(0, equals).strip();
            if (!KEYS.contains(key) && !OPTIONAL.contains(key)) {
                throw new FieldRuleException("rule." + key, "unknown", "'" + key + "' is not a rule key; use "
                        + String.join(", ", KEYS) + " and optionally " + String.join(", ", OPTIONAL));
            }
            if (equals < 0 || values.put(key, pair.substring(equals + 1).strip()) != null) {
                throw new FieldRuleException("rule." + key, "format", key + " must be given once as " + key
                        + "=VALUE");
            }
        }
        for (String key : KEYS) {
            if (!values.containsKey(key) || values.get(key).isEmpty()) {
                throw new FieldRuleException("rule." + key, "required", "the rule has no " + key + "; every rule"
                        + " names " + String.join(", ", KEYS));
            }
        }
        String approval = values.get("approval");
        if (!approval.equals("true") && !approval.equals("false")) {
            throw new FieldRuleException("rule.approval", "format", "approval must be true or false, got '"
                    + approval + "'");
        }
        return new AgreementRule(read("asker", values, Party::parse), read("answerer", values, Party::parse),
                set("queries", values, QueryType::parse), set("purposes", values, p -> p),
                set("categories", values, Category::parse), number("per-day", values),
                number("per-year", values), number("retention-days", values), Boolean.parseBoolean(approval),
                values.containsKey("exclusions") ? set("exclusions", values, Exclusion::parse) : Set.of(),
                values.containsKey("reference-hours") ? number("reference-hours", values)
                        : AgreementRule.DEFAULT_REFERENCE_HOURS);
    }

    private static <T> T read(String key, Map<String, String> values, Function<String, T> reader) {
        try {
            return reader.apply(values.get(key));
        } catch (IllegalArgumentException e) {
            throw new FieldRuleException("rule." + key, "format", key + ": " + e.getMessage());
        }
    }

    private static <T> Set<T> set(String key, Map<String, String> values, Function<String, T> reader) {
        Set<T> items = new LinkedHashSet<>();
        for (String item : Arrays.stream(values.get(key).split(",")).map(String::strip).toList()) {
            items.add(read(key, Map.of(key, item), reader));
        }
        return items;
    }

    private static int number(String key, Map<String, String> values) {
        String text = values.get(key);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new FieldRuleException("rule." + key, "format", key + " must be a whole number, got '" + text
                    + "'");
        }
    }
}

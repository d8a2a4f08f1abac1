package org.ibex.analytics;

import org.ibex.input.FieldRuleException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads a flows question from named text values, as the API's query string and the command line's options give
 * them: by, from, to and the filters, each checked with an error naming the field and the rule.
 */
public final class FlowQuestions {
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}|[A-Z]<<|[A-Z]{2}<");
    private static final Pattern POST = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Map<String, FlowDimension> FILTERS = Map.of("post", FlowDimension.POST,
            "direction", FlowDimension.DIRECTION, "nationality", FlowDimension.NATIONALITY, "sex", FlowDimension.SEX,
            "age-band", FlowDimension.AGE_BAND, "purpose", FlowDimension.PURPOSE);

    private FlowQuestions() {
    }

    /** The question {@code value} names (null for absent); by defaults to month, the range to twelve months. */
    public static FlowQuery read(Function<String, String> value, LocalDate today) {
        List<FlowDimension> by = new ArrayList<>();
        String named = value.apply("by");
        for (String name : (named == null || named.isBlank() ? "month" : named).split(",", -1)) {
            by.add(FlowDimension.parse("by", name));
        }
        LocalDate[] range = range(value, today);
        Map<FlowDimension, String> where = new EnumMap<>(FlowDimension.class);
        for (Map.Entry<String, FlowDimension> filter : FILTERS.entrySet()) {
            String given = value.apply(filter.getKey());
            if (given != null && !given.isBlank()) {
                where.put(filter.getValue(), check(filter.getKey()).apply(given.strip()));
            }
        }
        return new FlowQuery(by, range[0], range[1], where);
    }

    /** from and to (both included); by default the twelve whole months up to the end of today's month. */
    public static LocalDate[] range(Function<String, String> value, LocalDate today) {
        LocalDate to = date(value, "to", today.withDayOfMonth(today.lengthOfMonth()));
        LocalDate from = date(value, "from", to.withDayOfMonth(1).minusMonths(11));
        return new LocalDate[] {from, to};
    }

    /** The dimensions of a stays question from a comma-separated list (default: length); checked by {@link Flows#stays}. */
    public static List<String> stayBy(String named) {
        List<String> by = new ArrayList<>();
        for (String name : (named == null || named.isBlank() ? "length" : named).split(",", -1)) {
            by.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return by;
    }

    /** A post id as a filter: letters, digits, '.', '_' or '-'; null when absent. */
    public static String post(String given) {
        return given == null || given.isBlank() ? null : check("post").apply(given.strip());
    }

    private static LocalDate date(Function<String, String> value, String name, LocalDate fallback) {
        String given = value.apply(name);
        if (given == null || given.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new FieldRuleException(name, "format", name + " must be a date yyyy-MM-dd (got '" + given + "')");
        }
    }

    private static UnaryOperator<String> check(String field) {
        return switch (field) {
            case "post" -> v -> require(field, v, POST.matcher(v).matches(),
                    "post must be a post id of letters, digits, '.', '_' or '-'");
            case "direction" -> v -> require(field, v.toUpperCase(Locale.ROOT), v.equalsIgnoreCase("ENTRY")
                    || v.equalsIgnoreCase("EXIT"), "direction must be ENTRY or EXIT (got '" + v + "')");
            case "nationality" -> v -> require(field, v.toUpperCase(Locale.ROOT),
                    NATIONALITY.matcher(v.toUpperCase(Locale.ROOT)).matches(),
                    "nationality must be a three-letter ICAO code (got '" + v + "')");
            case "sex" -> v -> require(field, v.toUpperCase(Locale.ROOT), v.length() == 1
                    && "MFX<".contains(v.toUpperCase(Locale.ROOT)), "sex must be M, F or X (got '" + v + "')");
            case "age-band" -> v -> AgeBand.parse(v).label();
            default -> v -> require(field, v, v.length() <= 40, "purpose must be at most 40 characters");
        };
    }

    private static String require(String field, String value, boolean ok, String message) {
        if (!ok) {
            throw new FieldRuleException(field, "format", message);
        }
        return value;
    }
}

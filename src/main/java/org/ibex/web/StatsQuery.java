package org.ibex.web;

import io.javalin.http.Context;
import org.ibex.analytics.FlowQuery;
import org.ibex.analytics.FlowQuestions;

import java.time.LocalDate;
import java.util.Locale;

/** Reads a statistics question from a request: by, from, to, the filters, and JSON or CSV. */
final class StatsQuery {
    private StatsQuery() {
    }

    /** A crossings question; by defaults to month, the range to the twelve whole months up to today's. */
    static FlowQuery read(Context ctx, LocalDate today) {
        return FlowQuestions.read(ctx::queryParam, today);
    }

    /** from and to (both included); by default the twelve whole months up to the end of today's month. */
    static LocalDate[] range(Context ctx, LocalDate today) {
        return FlowQuestions.range(ctx::queryParam, today);
    }

    static String post(Context ctx) {
        return FlowQuestions.post(ctx.queryParam("post"));
    }

    /** Whether the question asks for a table under disclosure control ({@code disclosure-control=true}). */
    static boolean disclosureControl(Context ctx) {
        String value = ctx.queryParam("disclosure-control");
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            throw ApiException.badRequest("disclosure-control", "disclosure-control must be true or false (got '"
                    + value + "')");
        }
        return true;
    }

    /** A whole-number parameter, or {@code fallback} when absent. */
    static int whole(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? fallback : (int) Requests.wholeNumber(name, value, 0, 1_000_000);
    }

    /** CSV when asked by {@code ?format=csv} or an Accept header naming text/csv; JSON otherwise. */
    static boolean csv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.badRequest("format", "format must be csv or json (got '" + format + "')");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }
}

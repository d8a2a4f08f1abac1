package org.ibex.web;

import io.javalin.http.Context;
import org.ibex.analytics.AgeBand;
import org.ibex.analytics.FlowDimension;
import org.ibex.analytics.FlowQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a statistics question from a request: by, from, to, the filters, and JSON or CSV. */
final class StatsQuery {
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}|[A-Z]<<|[A-Z]{2}<");
    private static final Pattern POST = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private StatsQuery() {
    }

    /** A crossings question; by defaults to month, the range to the twelve whole months up to today's. */
    static FlowQuery read(Context ctx, LocalDate today) {
        List<FlowDimension> by = new ArrayList<>();
        String named = ctx.queryParam("by");
        for (String name : (named == null || named.isBlank() ? "month" : named).split(",", -1)) {
            by.add(FlowDimension.parse("by", name));
        }
        if (by.size() > 7) {
            throw ApiException.badRequest("by", "by may name at most 7 dimensions");
        }
        LocalDate[] range = range(ctx, today);
        Map<FlowDimension, String> where = new EnumMap<>(FlowDimension.class);
        String post = post(ctx);
        if (post != null) {
            where.put(FlowDimension.POST, post);
        }
        filter(ctx, "direction", FlowDimension.DIRECTION, where, v -> {
            String d = v.toUpperCase(Locale.ROOT);
            if (!d.equals("ENTRY") && !d.equals("EXIT")) {
                throw ApiException.badRequest("direction", "direction must be ENTRY or EXIT (got '" + v + "')");
            }
            return d;
        });
        filter(ctx, "nationality", FlowDimension.NATIONALITY, where, v -> {
            String n = v.toUpperCase(Locale.ROOT);
            if (!NATIONALITY.matcher(n).matches()) {
                throw ApiException.badRequest("nationality", "nationality must be a three-letter ICAO code (got '"
                        + v + "')");
            }
            return n;
        });
        filter(ctx, "sex", FlowDimension.SEX, where, v -> {
            String s = v.toUpperCase(Locale.ROOT);
            if (!s.equals("M") && !s.equals("F") && !s.equals("X") && !s.equals("<")) {
                throw ApiException.badRequest("sex", "sex must be M, F or X (got '" + v + "')");
            }
            return s;
        });
        filter(ctx, "age-band", FlowDimension.AGE_BAND, where, v -> AgeBand.parse(v).label());
        filter(ctx, "purpose", FlowDimension.PURPOSE, where, v -> {
            if (v.length() > 40) {
                throw ApiException.badRequest("purpose", "purpose must be at most 40 characters");
            }
            return v;
        });
        return new FlowQuery(by, range[0], range[1], where);
    }

    /** from and to (both included); by default the twelve whole months up to the end of today's month. */
    static LocalDate[] range(Context ctx, LocalDate today) {
        LocalDate to = Requests.date(ctx, "to", today.withDayOfMonth(today.lengthOfMonth()));
        LocalDate from = Requests.date(ctx, "from", to.withDayOfMonth(1).minusMonths(11));
        return new LocalDate[] {from, to};
    }

    static String post(Context ctx) {
        String post = ctx.queryParam("post");
        if (post == null || post.isBlank()) {
            return null;
        }
        if (!POST.matcher(post).matches()) {
            throw ApiException.badRequest("post", "post must be a post id of letters, digits, '.', '_' or '-'");
        }
        return post;
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

    private static void filter(Context ctx, String name, FlowDimension dimension, Map<FlowDimension, String> where,
                               java.util.function.UnaryOperator<String> check) {
        String value = ctx.queryParam(name);
        if (value != null && !value.isBlank()) {
            where.put(dimension, check.apply(value.strip()));
        }
    }
}

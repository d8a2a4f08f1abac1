package org.ibex.web;

import io.javalin.http.Context;
import org.ibex.border.CrossingRepository;
import org.ibex.border.Decision;
import org.ibex.border.Direction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The query of {@code GET /api/crossings} read into a filter, each bad value refused with its parameter named. */
final class CrossingFilters {
    private CrossingFilters() {
    }

    static CrossingRepository.Filter read(Context ctx) {
        String person = ctx.queryParam("person");
        LocalDate from = Requests.date(ctx, "from", null);
        LocalDate to = Requests.date(ctx, "to", null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to", "to (" + to + ") must not be before from (" + from + ")");
        }
        String before = ctx.queryParam("before");
        return new CrossingRepository.Filter(blankToNull(ctx.queryParam("post")),
                person == null ? null : positive("person", person), startOf(from),
                to == null ? null : startOf(to.plusDays(1)), choice(ctx, "decision", Decision.class),
                choice(ctx, "direction", Direction.class), bool(ctx, "openHits"),
                before == null ? null : positive("before", before), Requests.limit(ctx));
    }

    private static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + " (got '" + value + "')");
        }
    }

    private static Boolean bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, name + " must be true or false (got '" + value + "')");
        };
    }

    private static long positive(String name, String value) {
        return Requests.wholeNumber(name, value, 1, Long.MAX_VALUE);
    }

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

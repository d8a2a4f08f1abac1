package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.displacement.Displacement;
import org.ibex.displacement.DisplacementCsv;
import org.ibex.displacement.DtmFileException;
import org.ibex.displacement.ImportSummary;
import org.ibex.displacement.SurgeRule;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IOM DTM displacement figures: imports of DTM's CSV or JSON exports (bounded before they are read, all or
 * nothing), the operations held, each area's latest figure, an area's series, and surges between rounds (JSON, or
 * CSV with {@code format=csv}). Analysts and administrators; the figures are aggregates of no one in particular.
 */
final class DisplacementRoutes {
    private static final Set<Role> ANALYSTS = Set.of(Role.ANALYST, Role.ADMIN);
    private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}<>]{1,200}");
    private final Services services;
    private final BodyBudget bodies;

    DisplacementRoutes(Services services, BodyBudget bodies) {
        this.services = services;
        this.bodies = bodies;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/displacement/imports", ANALYSTS, this::importFile),
                Endpoint.of(HandlerType.GET, "/api/displacement/operations", ANALYSTS, ctx -> answer(ctx,
                        "operations", () -> DisplacementCsv.operations(displacement().operations(Requests.actor(ctx))),
                        () -> displacement().operations(Requests.actor(ctx)))),
                Endpoint.of(HandlerType.GET, "/api/displacement/areas", ANALYSTS, this::areas),
                Endpoint.of(HandlerType.GET, "/api/displacement/trend", ANALYSTS, this::trend),
                Endpoint.of(HandlerType.GET, "/api/displacement/surges", ANALYSTS, this::surges));
    }

    private Displacement displacement() {
        return services.displacement();
    }

    private void importFile(Context ctx) {
        String source = text(ctx, "name");
        ImportSummary summary;
        try (BodyBudget.Lease lease = bodies.lease()) {
            byte[] body = Requests.bytes(ctx, displacement().limits().maxBytes(), lease,
                    "Split the DTM export by operation or by year");
            if (body.length == 0) {
                throw ApiException.badRequest("body", "the body is empty: send DTM's CSV export or its API's JSON");
            }
            summary = displacement().importBytes(body, source == null ? "upload" : source, Requests.actor(ctx));
        } catch (DtmFileException e) {
            Errors.respond(ctx, e.tooLarge() ? 413 : 422, "invalid-dtm-file", "body", e.getMessage(), e.problems());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", summary.status());
        out.put("rows", summary.rows());
        out.put("added", summary.added());
        out.put("updated", summary.updated());
        out.put("unchanged", summary.unchanged());
        out.put("operations", summary.operations());
        out.put("areas", summary.areas());
        ctx.json(out);
    }

    private void areas(Context ctx) {
        String operation = text(ctx, "operation");
        String level = ctx.queryParam("level");
        Integer parsed = level == null || level.isBlank() ? null : (int) Requests.wholeNumber("level", level, 0, 2);
        var date = Requests.date(ctx, "date", null);
        answer(ctx, "areas", () -> DisplacementCsv.areas(displacement().areas(operation, parsed, date,
                Requests.actor(ctx))), () -> displacement().areas(operation, parsed, date, Requests.actor(ctx)));
    }

    private void trend(Context ctx) {
        String pcode = text(ctx, "pcode");
        if (pcode == null) {
            throw ApiException.badRequest("pcode", "pcode is required (the area's p-code, e.g. SD01)");
        }
        String operation = text(ctx, "operation");
        answer(ctx, "trend-" + pcode.replaceAll("[^A-Za-z0-9_-]", ""), () -> DisplacementCsv.trend(
                displacement().trend(pcode, operation, Requests.actor(ctx))),
                () -> displacement().trend(pcode, operation, Requests.actor(ctx)));
    }

    private void surges(Context ctx) {
        SurgeRule defaults = displacement().defaults();
        double factor = defaults.factor();
        String givenFactor = ctx.queryParam("factor");
        if (givenFactor != null && !givenFactor.isBlank()) {
            try {
                factor = Double.parseDouble(givenFactor.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("factor", "factor must be a number above 1 (got '" + givenFactor + "')");
            }
            if (!(factor > 1.0) || factor > 1_000_000) {
                throw ApiException.badRequest("factor", "factor must be above 1 and at most 1000000 (got " + givenFactor
                        + ")");
            }
        }
        String givenJump = ctx.queryParam("jump");
        long jump = givenJump == null || givenJump.isBlank() ? defaults.jump()
                : Requests.wholeNumber("jump", givenJump, 1, 2_000_000_000L);
        SurgeRule rule = new SurgeRule(factor, jump);
        String operation = text(ctx, "operation");
        answer(ctx, "surges", () -> DisplacementCsv.surges(displacement().surges(rule, operation,
                Requests.actor(ctx))), () -> displacement().surges(rule, operation, Requests.actor(ctx)));
    }

    /** {@code {"rows":[...]}}, or CSV with a header row when asked by format=csv. */
    private static void answer(Context ctx, String file, java.util.function.Supplier<String> csv,
                               java.util.function.Supplier<List<?>> json) {
        if (csv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"displacement-" + file + ".csv\"");
            ctx.result(csv.get().getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.json(Map.of("rows", json.get()));
        }
    }

    private static boolean csv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.isBlank()) {
            return false;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ApiException.badRequest("format", "format must be csv or json (got '" + format + "')");
        };
    }

    /** A query parameter naming an operation, p-code or file: at most 200 characters, no controls or markup. */
    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!TEXT.matcher(value).matches()) {
            throw ApiException.badRequest(name, name + " must be 1 to 200 characters without control characters,"
                    + " < or >");
        }
        return value.strip();
    }
}

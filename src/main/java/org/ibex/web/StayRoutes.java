package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.border.AlertFilter;
import org.ibex.border.OverstayAlert;
import org.ibex.border.Overstayer;
import org.ibex.border.OverstayerCsv;
import org.ibex.border.Page;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A person's stay status, the overstayers of the node (as JSON or as a CSV export) and the overstay alerts. */
final class StayRoutes {
    private final Services services;

    StayRoutes(Services services) {
        this.services = services;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/persons/{id}/stay", Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST),
                        ctx -> ctx.json(services.stays().stayOf(Requests.pathId(ctx, "id"),
                                Requests.date(ctx, "asOf", services.stays().today()), Requests.actor(ctx)))),
                Endpoint.of(HandlerType.GET, "/api/overstayers", Set.of(Role.ANALYST, Role.SUPERVISOR), this::overstayers),
                Endpoint.of(HandlerType.GET, "/api/overstay-alerts", Set.of(Role.ANALYST, Role.ADMIN, Role.SUPERVISOR),
                        this::alerts));
    }

    /** Overstay alerts newest first, paged by {@code before} (an alert id) with a Link to the next page. */
    private void alerts(Context ctx) {
        String before = ctx.queryParam("before");
        AlertFilter filter = new AlertFilter(AlertFilter.state(ctx.queryParam("state")), ctx.queryParam("post"),
                before == null || before.isBlank() ? null : Requests.wholeNumber("before", before, 1, Long.MAX_VALUE),
                Requests.limit(ctx));
        Page<OverstayAlert> page = services.stays().alerts().list(filter, Requests.actor(ctx));
        if (page.more()) {
            Paging.next(ctx, "before", Long.toString(page.items().get(page.items().size() - 1).id()));
        }
        ctx.json(page.items());
    }

    private void overstayers(Context ctx) {
        boolean csv = StatsQuery.csv(ctx);
        LocalDate asOf = Requests.date(ctx, "asOf", services.stays().today());
        long offset = Paging.count(ctx, "offset", 0);
        if (offset > Integer.MAX_VALUE) {
            throw ApiException.badRequest("offset", "offset must be at most " + Integer.MAX_VALUE);
        }
        // A CSV export is the whole list unless the client pages it; JSON pages by 100 as every list does.
        int limit = csv && ctx.queryParam("limit") == null ? Integer.MAX_VALUE - 1 : Requests.limit(ctx);
        Page<Overstayer> page = services.stays().overstayers(asOf, Requests.actor(ctx), (int) offset, limit);
        if (page.more()) {
            Paging.next(ctx, "offset", Long.toString(offset + page.items().size()));
        }
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"overstayers-" + asOf + ".csv\"");
            ctx.result(OverstayerCsv.write(page.items()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            ctx.json(page.items());
        }
    }
}

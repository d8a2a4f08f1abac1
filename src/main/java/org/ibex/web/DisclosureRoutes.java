package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.InquiryViews;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The disclosure ledger: a person's lines for a supervisor who may open the person (as the person file scopes them)
 * and for analysts; the node's whole ledger for analysts and admins, as an oversight body takes it (JSON or CSV).
 * Every read is in the access log.
 */
final class DisclosureRoutes {
    private static final int MAX_QUERY = 200;
    private final Services services;

    DisclosureRoutes(Services services) {
        this.services = services;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/persons/{id}/disclosures", Set.of(Role.SUPERVISOR, Role.ANALYST),
                        this::person),
                Endpoint.of(HandlerType.GET, "/api/disclosures", Set.of(Role.ANALYST, Role.ADMIN), this::all));
    }

    private void person(Context ctx) {
        var inquiry = QuestionRoutes.inquiry(services);
        long personId = Requests.pathId(ctx, "id");
        boolean csv = csv(ctx);
        Actor actor = Requests.actor(ctx);
        boolean visible = services.database().read(c -> services.biometrics().coversPerson(c, personId, actor));
        services.accessLog().record(AccessLog.Access.by(actor, visible ? "disclosure.read"
                : "disclosure.read refused", "person/" + personId));
        if (!visible) {
            throw new NotFoundException("no person " + personId);
        }
        answer(ctx, inquiry.ledger().forPerson(personId), csv, "disclosures-person-" + personId);
    }

    private void all(Context ctx) {
        var inquiry = QuestionRoutes.inquiry(services);
        String q = ctx.queryParam("q");
        if (q != null && q.length() > MAX_QUERY) {
            throw ApiException.badRequest("q", "q must be at most " + MAX_QUERY + " characters");
        }
        boolean csv = csv(ctx);
        int limit = ctx.queryParam("limit") == null ? 1000 : Math.min(Requests.limit(ctx), 1000);
        List<Disclosure> lines = inquiry.ledger().recent(q, limit);
        services.accessLog().record(AccessLog.Access.by(Requests.actor(ctx), "disclosure.export",
                q == null || q.isBlank() ? "ledger" : "ledger q=" + q.strip()));
        answer(ctx, lines, csv, "disclosures");
    }

    private static void answer(Context ctx, List<Disclosure> lines, boolean csv, String name) {
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            ctx.result(org.ibex.inquiry.LedgerExport.csv(lines));
        } else {
            ctx.json(InquiryViews.ledger(lines));
        }
    }

    private static boolean csv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null) {
            return false;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ApiException.badRequest("format", "format must be csv or json (got '" + format + "')");
        };
    }
}

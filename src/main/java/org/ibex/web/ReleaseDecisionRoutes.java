package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.ReleaseDecision;
import org.ibex.confirmation.ReleaseDesk;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The releases partner states ask of this node: supervisors, analysts and admins see them; a supervisor approves a
 * held one in full or in part, or declines it with a reason the partner reads.
 */
final class ReleaseDecisionRoutes {
    private static final Set<Role> OVERSEERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private final Services services;
    private final ObjectMapper mapper;

    /** An approval: the categories released, all those asked when left out. */
    record ApproveBody(List<String> categories) {
    }

    /** A decline: what the partner will read. */
    record DeclineBody(String reason) {
    }

    ReleaseDecisionRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/release-decisions", OVERSEERS, this::list),
                Endpoint.of(HandlerType.POST, "/api/release-decisions/{id}/approve", Set.of(Role.SUPERVISOR), ctx -> {
                    ReleaseDesk desk = PartnerProbeRoutes.confirmation(services).desk();
                    String id = PartnerProbeRoutes.id(ctx);
                    List<String> categories = ctx.body().isBlank() ? List.of()
                            : Requests.body(ctx, mapper, ApproveBody.class).categories();
                    if (categories != null && categories.size() > 10) {
                        throw ApiException.badRequest("categories", "at most ten categories");
                    }
                    ctx.json(ConfirmationViews.decision(desk.approve(id, categories == null ? List.of() : categories,
                            Requests.actor(ctx))));
                }),
                Endpoint.of(HandlerType.POST, "/api/release-decisions/{id}/decline", Set.of(Role.SUPERVISOR), ctx -> {
                    ReleaseDesk desk = PartnerProbeRoutes.confirmation(services).desk();
                    String id = PartnerProbeRoutes.id(ctx);
                    if (ctx.body().isBlank()) {
                        throw ApiException.badRequest("reason", "a decline needs a reason the partner reads: send"
                                + " {\"reason\": \"...\"}");
                    }
                    DeclineBody body = Requests.body(ctx, mapper, DeclineBody.class);
                    ctx.json(ConfirmationViews.decision(desk.decline(id, body.reason(), Requests.actor(ctx))));
                }));
    }

    private void list(Context ctx) {
        ReleaseDesk desk = PartnerProbeRoutes.confirmation(services).desk();
        String state = ctx.queryParam("state");
        List<ReleaseDecision> decisions;
        if (state == null || state.isBlank()) {
            decisions = desk.recent(Requests.limit(ctx));
        } else {
            ReleaseDecision.State wanted = switch (state.strip().toLowerCase(Locale.ROOT)) {
                case "awaiting-approval" -> ReleaseDecision.State.AWAITING_APPROVAL;
                case "released" -> ReleaseDecision.State.RELEASED;
                case "partial" -> ReleaseDecision.State.PARTIAL;
                case "refused" -> ReleaseDecision.State.REFUSED;
                default -> throw ApiException.badRequest("state", "state must be awaiting-approval, released, partial"
                        + " or refused (got '" + state + "')");
            };
            decisions = wanted == ReleaseDecision.State.AWAITING_APPROVAL ? desk.awaitingApproval()
                    : desk.recent(500).stream().filter(d -> d.state() == wanted).limit(Requests.limit(ctx)).toList();
        }
        ctx.json(decisions.stream().map(ConfirmationViews::decision).toList());
    }
}

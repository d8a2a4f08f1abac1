package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.Protections;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Protected persons, whom this node never confirms to a partner state: supervisors (for the persons they may open)
 * and admins set and lift a protection with a reason; analysts also read it. Every change is audited.
 */
final class ProtectionRoutes {
    private static final Set<Role> KEEPERS = Set.of(Role.SUPERVISOR, Role.ADMIN);
    private static final String PATH = "/api/persons/{id}/protection";
    private final Protections protections;
    private final ObjectMapper mapper;

    /** Why the person is protected. */
    record ProtectBody(String reason) {
    }

    ProtectionRoutes(Services services, ObjectMapper mapper) {
        // A local record of the node's own persons: served whether or not the node has joined a federation.
        this.protections = services.confirmation().map(c -> c.protections()).orElseGet(() -> new Protections(
                services.database(), services.biometrics(), services.accessLog(), services.clock()));
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.PUT, PATH, KEEPERS, ctx -> {
                    long personId = Requests.pathId(ctx, "id");
                    if (ctx.body().isBlank()) {
                        throw ApiException.badRequest("reason", "a protection needs a reason: send"
                                + " {\"reason\": \"...\"}");
                    }
                    ProtectBody body = Requests.body(ctx, mapper, ProtectBody.class);
                    ctx.json(ConfirmationViews.protection(personId, Optional.of(protections.protect(personId,
                            body.reason(), Requests.actor(ctx)))));
                }),
                Endpoint.of(HandlerType.DELETE, PATH, KEEPERS, ctx -> {
                    long personId = Requests.pathId(ctx, "id");
                    protections.unprotect(personId, Requests.actor(ctx));
                    ctx.json(ConfirmationViews.protection(personId, Optional.empty()));
                }),
                Endpoint.of(HandlerType.GET, PATH, Set.of(Role.SUPERVISOR, Role.ADMIN, Role.ANALYST), ctx -> {
                    long personId = Requests.pathId(ctx, "id");
                    ctx.json(ConfirmationViews.protection(personId, protections.find(personId,
                            Requests.actor(ctx))));
                }));
    }
}

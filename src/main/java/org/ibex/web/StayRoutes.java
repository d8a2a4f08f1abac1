package org.ibex.web;

import io.javalin.http.HandlerType;
import org.ibex.access.Role;

import java.util.List;
import java.util.Set;

/** A person's stay status and the overstayers of the node. */
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
                Endpoint.of(HandlerType.GET, "/api/overstayers", Set.of(Role.ANALYST, Role.SUPERVISOR),
                        ctx -> ctx.json(services.stays().overstayers(
                                Requests.date(ctx, "asOf", services.stays().today()), Requests.actor(ctx)))));
    }
}

package org.ibex.web;

import io.javalin.http.HandlerType;
import org.ibex.access.Role;

import java.util.List;
import java.util.Set;

/** Posts and the access log: administration, never travellers' data (accounts are in AccountRoutes). */
final class AdminRoutes {
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private final Services services;

    AdminRoutes(Services services) {
        this.services = services;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/posts", Set.of(Role.values()), ctx -> ctx.json(services.posts().all())),
                Endpoint.of(HandlerType.GET, "/api/access-log", ADMIN,
                        ctx -> ctx.json(services.accessLog().recent(Requests.limit(ctx)))));
    }
}

package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.boundaries.BoundarySet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin-area boundaries the dashboard's maps draw: the list, one set's GeoJSON, and an analyst's import. */
final class BoundaryRoutes {
    private static final Set<Role> READERS = Set.of(Role.ANALYST, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> IMPORTERS = Set.of(Role.ANALYST, Role.ADMIN);
    private final Services services;
    private final BodyBudget bodies;

    BoundaryRoutes(Services services, BodyBudget bodies) {
        this.services = services;
        this.bodies = bodies;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/boundaries", READERS, this::list),
                Endpoint.of(HandlerType.GET, "/api/boundaries/{name}", READERS, this::one),
                Endpoint.of(HandlerType.POST, "/api/boundaries", IMPORTERS, this::upload));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("rows", services.boundaries().list().stream().map(BoundaryRoutes::row).toList()));
    }

    private void one(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] geoJson = services.boundaries().geoJson(name).orElseThrow(() -> new ApiException(404, "not-found",
                "name", "no boundary set named '" + name + "'; GET /api/boundaries lists them"));
        ctx.contentType("application/geo+json");
        ctx.result(geoJson);
    }

    private void upload(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name", "name is required: POST /api/boundaries?name=sdn-adm1");
        }
        byte[] body;
        try (BodyBudget.Lease lease = bodies.lease()) {
            body = Requests.bytes(ctx, org.ibex.boundaries.Boundaries.MAX_BYTES, lease,
                    "Simplify the shapes (e.g. mapshaper -simplify 10%): the maps need a few hundred kB at most");
            BoundarySet set = services.boundaries().importSet(name, body, Requests.actor(ctx).username());
            ctx.status(201).json(row(set));
        }
    }

    private static Map<String, Object> row(BoundarySet set) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", set.name());
        row.put("features", set.features());
        row.put("points", set.points());
        row.put("source", set.source());
        row.put("importedBy", set.importedBy());
        row.put("importedAt", set.importedAt());
        return row;
    }
}

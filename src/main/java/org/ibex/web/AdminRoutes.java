package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.border.PostLocations;
import org.ibex.replication.PostNodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Posts (and, at headquarters, the node that serves each) and the access log: administration, never travellers' data (accounts are in AccountRoutes). */
final class AdminRoutes {
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private final Services services;
    private final ObjectMapper mapper;
    private final PostNodes nodes;

    /** The node that serves a post, or blank to leave it to the node whose records name it first. */
    record PostNodeRequest(String node) {
    }

    AdminRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
        this.nodes = new PostNodes(services.database(), services.accessLog(), services.clock());
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/posts", Set.of(Role.values()), ctx -> ctx.json(services.posts().all())),
                Endpoint.of(HandlerType.PUT, "/api/posts/{id}/node", ADMIN, ctx -> {
                    String post = ctx.pathParam("id");
                    PostNodeRequest request = Requests.body(ctx, mapper, PostNodeRequest.class);
                    Optional<String> node = nodes.assign(Requests.actor(ctx), post, request.node());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("postId", post);
                    body.put("node", node.orElse(null));
                    ctx.json(body);
                }),
                Endpoint.of(HandlerType.PUT, "/api/posts/{id}/location", ADMIN, ctx -> ctx.json(
                        new PostLocations(services.database(), services.accessLog()).locate(Requests.actor(ctx),
                                ctx.pathParam("id"), Requests.body(ctx, mapper, PostLocations.Location.class)))),
                Endpoint.of(HandlerType.GET, "/api/access-log", ADMIN,
                        ctx -> ctx.json(services.accessLog().recent(Requests.limit(ctx)))));
    }
}

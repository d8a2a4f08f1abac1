package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;

import java.util.List;
import java.util.Set;

/** Accounts, posts and the access log: administration, never travellers' data. */
final class AdminRoutes {
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private final Services services;
    private final ObjectMapper mapper;

    record NewUser(String username, String password, String role, String post) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + ", post=" + post + "]";
        }
    }

    AdminRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/users", ADMIN, ctx -> ctx.json(services.users().all())),
                Endpoint.of(HandlerType.POST, "/api/users", ADMIN, ctx -> {
                    NewUser request = Requests.body(ctx, mapper, NewUser.class);
                    if (request.username() == null || !request.username().matches("[A-Za-z0-9._-]{2,80}")) {
                        throw ApiException.badRequest("username", "username must be 2..80 of A-Z a-z 0-9 . _ -");
                    }
                    if (request.role() == null) {
                        throw ApiException.badRequest("role", "role is required: officer, supervisor, analyst or admin");
                    }
                    User user = new User(request.username(), Role.parse(request.role()), request.post());
                    if (user.postId() != null && services.posts().find(user.postId()).isEmpty()) {
                        throw ApiException.badRequest("post", "unknown post '" + user.postId() + "'");
                    }
                    if (services.users().find(user.username()).isPresent()) {
                        throw new ApiException(409, "exists", "username", "user " + user.username() + " exists");
                    }
                    services.authenticator().addUser(user, request.password(), services.clock().instant());
                    services.accessLog().record(new AccessLog.Access(Requests.actor(ctx).username(), "admin",
                            "user.create", user.username(), "account administration", ctx.ip()));
                    ctx.status(201).json(user);
                }),
                Endpoint.of(HandlerType.GET, "/api/posts", Set.of(Role.values()), ctx -> ctx.json(services.posts().all())),
                Endpoint.of(HandlerType.GET, "/api/access-log", ADMIN,
                        ctx -> ctx.json(services.accessLog().recent(Requests.limit(ctx)))));
    }
}

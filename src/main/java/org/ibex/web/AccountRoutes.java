package org.ibex.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Accounts;
import org.ibex.access.Role;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accounts: admins create and change them, every user sets their own password, supervisors see the changes. */
final class AccountRoutes {
    static final String OWN_PASSWORD = "/api/me/password";
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private final Services services;
    private final ObjectMapper mapper;

    /** A password here is refused with a reason rather than as an unknown field: the node makes it. */
    record NewUser(String username, String role, @JsonAlias("post") String postId, String password) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + ", postId=" + postId + "]";
        }
    }

    /** {@code post} is the spelling before postId was chosen for every user in the API; still read. */
    record UserChange(String role, @JsonAlias("post") String postId) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    AccountRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        Accounts accounts = services.accounts();
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/users", ADMIN, ctx -> ctx.json(accounts.list())),
                Endpoint.of(HandlerType.POST, "/api/users", ADMIN, ctx -> {
                    NewUser request = Requests.body(ctx, mapper, NewUser.class);
                    if (request.password() != null) {
                        throw ApiException.badRequest("password", "leave password out: the node makes a one-time "
                                + "password, returned in this answer, which the user replaces at the first login");
                    }
                    Accounts.Issued issued = accounts.create(Requests.actor(ctx), request.username(), request.role(),
                            request.postId());
                    ctx.status(201).json(issued(issued));
                }),
                Endpoint.of(HandlerType.PATCH, "/api/users/{username}", ADMIN, ctx -> {
                    UserChange request = Requests.body(ctx, mapper, UserChange.class);
                    accounts.change(Requests.actor(ctx), username(ctx), request.role(), request.postId());
                    ctx.json(accounts.summary(username(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/users/{username}/disable", ADMIN, ctx -> {
                    accounts.disable(Requests.actor(ctx), username(ctx));
                    ctx.json(accounts.summary(username(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/users/{username}/enable", ADMIN, ctx -> {
                    accounts.enable(Requests.actor(ctx), username(ctx));
                    ctx.json(accounts.summary(username(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/users/{username}/unlock", ADMIN, ctx -> {
                    accounts.unlock(Requests.actor(ctx), username(ctx));
                    ctx.json(accounts.summary(username(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/users/{username}/password-reset", ADMIN,
                        ctx -> ctx.json(issued(accounts.resetPassword(Requests.actor(ctx), username(ctx))))),
                Endpoint.of(HandlerType.POST, OWN_PASSWORD, EnumSet.allOf(Role.class), ctx -> {
                    PasswordChange request = Requests.body(ctx, mapper, PasswordChange.class);
                    String token = accounts.changeOwnPassword(Requests.actor(ctx), request.currentPassword(),
                            request.newPassword());
                    ctx.json(Map.of("token", token));
                }),
                Endpoint.of(HandlerType.GET, "/api/account-events", Set.of(Role.ADMIN, Role.SUPERVISOR),
                        ctx -> ctx.json(services.accessLog().recent("user.", Requests.limit(ctx)))));
    }

    private static String username(Context ctx) {
        return ctx.pathParam("username");
    }

    /** The one-time password goes to the admin in this answer only; it is stored only as a hash. */
    private static Map<String, Object> issued(Accounts.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", issued.user().username());
        body.put("role", issued.user().role());
        body.put("postId", issued.user().postId());
        body.put("oneTimePassword", issued.oneTimePassword());
        body.put("passwordChangeRequired", true);
        return body;
    }
}

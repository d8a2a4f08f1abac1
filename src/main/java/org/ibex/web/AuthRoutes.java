package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Authenticator;
import org.ibex.access.Role;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Login, logout and who-am-I. */
final class AuthRoutes {
    private final Services services;
    private final ObjectMapper mapper;

    record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=***]";
        }
    }

    AuthRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.open(HandlerType.POST, "/api/login", ctx -> {
                    LoginRequest login = Requests.body(ctx, mapper, LoginRequest.class);
                    Authenticator.Outcome outcome = services.authenticator().login(login.username(), login.password(), ctx.ip());
                    switch (outcome.result()) {
                        case OK -> ctx.json(loggedIn(outcome));
                        case DISABLED -> throw new ApiException(403, "account-disabled", null,
                                "this account is disabled; an admin can enable it");
                        case ONE_TIME_PASSWORD_EXPIRED -> throw new ApiException(401, "one-time-password-expired", null,
                                "this one-time password has expired; ask an admin for a new one (password reset)");
                        case THROTTLED -> {
                            long seconds = Math.max(1, outcome.retryAfter().toSeconds());
                            ctx.header("Retry-After", Long.toString(seconds));
                            throw new ApiException(429, "too-many-failures", null,
                                    "too many failed logins; try again in " + seconds + " s");
                        }
                        case BAD_CREDENTIALS -> throw new ApiException(401, "bad-credentials", null,
                                "unknown user or wrong password");
                    }
                }),
                Endpoint.of(HandlerType.POST, "/api/logout", EnumSet.allOf(Role.class), ctx -> {
                    services.authenticator().logout(Guard.bearer(ctx));
                    ctx.status(204);
                }),
                Endpoint.of(HandlerType.GET, "/api/me", EnumSet.allOf(Role.class), ctx -> ctx.json(Requests.actor(ctx).user())));
    }

    /** The user as every answer that carries one spells it: lower-case role label and postId (null off-post). */
    private static Map<String, Object> loggedIn(Authenticator.Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", outcome.token());
        body.put("username", outcome.user().username());
        body.put("role", outcome.user().role());
        body.put("postId", outcome.user().postId());
        body.put("passwordChangeRequired", outcome.passwordChangeRequired());
        return body;
    }
}

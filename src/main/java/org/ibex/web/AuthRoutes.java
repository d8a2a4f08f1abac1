package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Authenticator;
import org.ibex.access.Role;

import java.util.EnumSet;
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
                        case OK -> ctx.json(Map.of("token", outcome.token(), "username", outcome.user().username(),
                                "role", outcome.user().role().label(),
                                "post", outcome.user().postId() == null ? "" : outcome.user().postId(),
                                "passwordChangeRequired", outcome.passwordChangeRequired()));
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
}
